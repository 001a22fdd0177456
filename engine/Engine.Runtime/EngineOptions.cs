namespace Engine.Runtime;

/// <summary>The <c>Engine</c> configuration section (SPEC §7) as the runtime uses it.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Engine";

    /// <summary><c>postgres</c> or <c>cockroach</c>.</summary>
    public string Dialect { get; set; } = "postgres";

    /// <summary>The PostgreSQL schema of the data tables.</summary>
    public string DataSchema { get; set; } = "data";

    /// <summary>How often a pod checks the store for versions made by other pods.</summary>
    public int MetadataPollMilliseconds { get; set; } = 500;
}
