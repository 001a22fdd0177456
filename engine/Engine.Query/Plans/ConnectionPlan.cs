using Engine.Metadata.Model;

namespace Engine.Query.Plans;

/// <summary>
/// <c>postsConnection(...)</c>: a page of a list as a Relay connection — edges with cursors, <c>pageInfo</c>, and
/// <c>aggregate { count }</c> (rows matching <c>where</c>, ignoring paging), each computed only when selected.
/// </summary>
/// <param name="Key">The response key.</param>
/// <param name="Resource">The listed resource.</param>
/// <param name="Arguments">Filter, order, cursors and page.</param>
/// <param name="Selection">The keys selected on the connection object: <see cref="PageInfoSelection"/>,
/// <see cref="EdgesSelection"/>, <see cref="AggregateSelection"/> and typenames.</param>
public sealed record ConnectionPlan(string Key, ResourceModel Resource, ListArguments Arguments, IReadOnlyList<SelectionItem> Selection)
    : RootPlan(Key);

/// <summary><c>pageInfo</c>: items are <see cref="PageInfoFieldSelection"/>s and typenames.</summary>
public sealed record PageInfoSelection(string Key, IReadOnlyList<SelectionItem> Items) : SelectionItem(Key);

/// <summary>One field of <c>PageInfo</c>.</summary>
public sealed record PageInfoFieldSelection(string Key, PageInfoField Field) : SelectionItem(Key);

/// <summary>The fields of <c>PageInfo</c> (Relay cursor connections).</summary>
public enum PageInfoField
{
    HasNextPage,
    HasPreviousPage,
    StartCursor,
    EndCursor,
}

/// <summary><c>edges</c>: one object per row of the page; items are <see cref="EdgeNodeSelection"/>, <see cref="CursorSelection"/> and typenames.</summary>
public sealed record EdgesSelection(string Key, IReadOnlyList<SelectionItem> Items) : SelectionItem(Key);

/// <summary><c>node</c> of an edge: the row itself.</summary>
public sealed record EdgeNodeSelection(string Key, Selection Selection) : SelectionItem(Key);

/// <summary><c>cursor</c> of an edge: the row's position (see <see cref="CursorCodec"/>).</summary>
public sealed record CursorSelection(string Key) : SelectionItem(Key);

/// <summary><c>aggregate</c>: items are <see cref="AggregateCountSelection"/>s and typenames.</summary>
public sealed record AggregateSelection(string Key, IReadOnlyList<SelectionItem> Items) : SelectionItem(Key);

/// <summary><c>aggregate.count</c>: how many rows match the connection's <c>where</c> (an Int, a JSON number).</summary>
public sealed record AggregateCountSelection(string Key) : SelectionItem(Key);
