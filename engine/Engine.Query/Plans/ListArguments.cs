using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>
/// Filter, order and page of a list. Every list is ordered; <c>id</c> breaks ties so pages are stable. The cursors
/// <see cref="After"/> and <see cref="Before"/> narrow the rows to those strictly after / before a position in that
/// order; <c>skip</c>, <c>first</c> and <c>last</c> then apply to what is left.
/// </summary>
/// <param name="Where">Row filter; null for all rows.</param>
/// <param name="OrderBy">Sort keys in priority order; empty means by <c>id</c> ascending.</param>
/// <param name="Skip">Rows to skip after ordering.</param>
/// <param name="First">At most this many rows from the start.</param>
/// <param name="Last">At most this many rows from the end (returned in the requested order).</param>
public sealed record ListArguments(Filter? Where, IReadOnlyList<OrderBy> OrderBy, int? Skip, int? First, int? Last)
{
    /// <summary>All rows, by id.</summary>
    public static readonly ListArguments All = new(null, [], null, null, null);

    /// <summary>Only rows after this position (<c>after</c>); null for no lower bound.</summary>
    public Cursor? After { get; init; }

    /// <summary>Only rows before this position (<c>before</c>); null for no upper bound.</summary>
    public Cursor? Before { get; init; }
}

/// <summary>One sort key.</summary>
public sealed record OrderBy(FieldModel Field, bool Descending);
