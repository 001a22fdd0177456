namespace Engine.GraphQL.Schema;

/// <summary>A field of a connection type (<c>PostConnection</c>, <c>PostEdge</c>, <c>AggregatePost</c>, <c>PageInfo</c>).</summary>
public sealed record ConnectionFieldBinding(ConnectionPart Part) : FieldBinding;

/// <summary>The fields of the connection types (Relay cursor connections, SPEC §3).</summary>
public enum ConnectionPart
{
    PageInfo,
    Edges,
    Aggregate,
    Node,
    Cursor,
    Count,
    HasNextPage,
    HasPreviousPage,
    StartCursor,
    EndCursor,
}
