using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>Combines a request's filter with an access rule's row filter.</summary>
public static class AccessFilters
{
    /// <summary>Both filters (either may be null for "all rows").</summary>
    public static Filter? And(Filter? where, Filter? rows) => (where, rows) switch
    {
        (null, _) => rows,
        (_, null) => where,
        _ => new AndFilter([where, rows]),
    };
}
