namespace Engine.GraphQL.Planning;

/// <summary>Limits checked while planning, before any SQL runs (SPEC §3).</summary>
/// <param name="MaxPageSize">The largest <c>first</c> / <c>last</c> a list may ask for.</param>
/// <param name="MaxDepth">The deepest field nesting allowed (a root field is at depth 1, its fields at depth 2, ...).</param>
public sealed record PlanningLimits(int MaxPageSize, int MaxDepth)
{
    /// <summary>The defaults: pages of at most 1,000 rows, fields nested at most 10 levels deep.</summary>
    public static readonly PlanningLimits Default = new(1000, 10);
}
