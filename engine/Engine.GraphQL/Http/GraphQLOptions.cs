using Engine.GraphQL.Planning;
using Microsoft.Extensions.Configuration;

namespace Engine.GraphQL.Http;

/// <summary>
/// The GraphQL endpoint's settings (SPEC §7): page size, depth and node-estimate limits, request size, document cache size,
/// and how long a WebSocket may wait before <c>connection_init</c>.
/// </summary>
public sealed record GraphQLOptions
{
    /// <summary>The largest <c>first</c> / <c>last</c> (<c>Engine:MaxPageSize</c>, default 1,000).</summary>
    public int MaxPageSize { get; init; } = PlanningLimits.Default.MaxPageSize;

    /// <summary>The deepest field nesting (<c>Engine:MaxQueryDepth</c>, default 10).</summary>
    public int MaxQueryDepth { get; init; } = PlanningLimits.Default.MaxDepth;

    /// <summary>The most records an operation may return by estimate (<c>Engine:MaxQueryNodes</c>, default 1,000,000).</summary>
    public int MaxQueryNodes { get; init; } = PlanningLimits.Default.MaxNodes;

    /// <summary>The largest request body in bytes (<c>GraphQL:MaxRequestBytes</c>, default 1 MiB).</summary>
    public int MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>How many parsed documents to keep (<c>GraphQL:DocumentCacheSize</c>, default 1,000).</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>
    /// How long a WebSocket client has to send <c>connection_init</c> before the socket is closed with 4408
    /// (<c>GraphQL:ConnectionInitTimeoutMilliseconds</c>, default 10,000).
    /// </summary>
    public int ConnectionInitTimeoutMilliseconds { get; init; } = 10_000;

    /// <summary>The limits the planner enforces.</summary>
    public PlanningLimits Limits => new(MaxPageSize, MaxQueryDepth, MaxQueryNodes);

    /// <summary>Reads the options from configuration; a missing key keeps its default, a value below 1 is rejected.</summary>
    public static GraphQLOptions From(IConfiguration configuration)
    {
        var defaults = new GraphQLOptions();
        return new GraphQLOptions
        {
            MaxPageSize = Positive(configuration, "Engine:MaxPageSize", defaults.MaxPageSize),
            MaxQueryDepth = Positive(configuration, "Engine:MaxQueryDepth", defaults.MaxQueryDepth),
            MaxQueryNodes = Positive(configuration, "Engine:MaxQueryNodes", defaults.MaxQueryNodes),
            MaxRequestBytes = Positive(configuration, "GraphQL:MaxRequestBytes", defaults.MaxRequestBytes),
            DocumentCacheSize = Positive(configuration, "GraphQL:DocumentCacheSize", defaults.DocumentCacheSize),
            ConnectionInitTimeoutMilliseconds = Positive(configuration, "GraphQL:ConnectionInitTimeoutMilliseconds", defaults.ConnectionInitTimeoutMilliseconds),
        };
    }

    private static int Positive(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration.GetValue<int?>(key) ?? fallback;
        return value >= 1 ? value : throw new InvalidOperationException($"Configuration {key} must be at least 1 (was {value}).");
    }
}
