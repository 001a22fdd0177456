using System.Text.Json.Serialization;

namespace Engine.MetadataStore.Planning;

/// <summary>The DDL steps that turn the data schema of one metadata version into the next, in the order they run.</summary>
public sealed record MigrationPlan([property: JsonPropertyName("steps")] IReadOnlyList<MigrationStep> Steps)
{
    /// <summary>A plan with nothing to do.</summary>
    public static MigrationPlan Empty { get; } = new([]);

    /// <summary>True when there is no step.</summary>
    [JsonIgnore]
    public bool IsEmpty => Steps.Count == 0;

    /// <summary>True when at least one step is destructive.</summary>
    [JsonIgnore]
    public bool IsDestructive => Steps.Any(s => s.Destructive);

    /// <summary>The destructive steps, in plan order.</summary>
    [JsonIgnore]
    public IReadOnlyList<MigrationStep> DestructiveSteps => Steps.Where(s => s.Destructive).ToArray();
}
