namespace Engine.GraphQL.Planning;

/// <summary>Limits checked while planning, before any SQL runs (SPEC §3).</summary>
/// <param name="MaxPageSize">The largest <c>first</c> / <c>last</c> a list may ask for.</param>
/// <param name="MaxDepth">The deepest field nesting allowed (a root field is at depth 1, its fields at depth 2, ...).</param>
/// <param name="MaxNodes">
/// The most records an operation may return by estimate: per object position, the product of the page sizes of the
/// lists along its path (a list without <c>first</c>/<c>last</c> counts as <paramref name="MaxPageSize"/> at the root and
/// as <see cref="UnpagedNestedRows"/> under a relation), summed.
/// </param>
public sealed record PlanningLimits(int MaxPageSize, int MaxDepth, int MaxNodes = 1_000_000)
{
    /// <summary>The rows an unpaged to-many relation is assumed to hold per parent when estimating records.</summary>
    public const int UnpagedNestedRows = 100;

    /// <summary>The defaults: pages of at most 1,000 rows, fields nested at most 10 levels deep, at most 1,000,000 records.</summary>
    public static readonly PlanningLimits Default = new(1000, 10);
}
