using System.Text.Json.Serialization;

namespace Engine.Metadata.Definitions;

/// <summary>A plain (or unique) index over one or more fields of a resource.</summary>
public sealed record IndexDefinition
{
    [JsonPropertyName("fields")] public IReadOnlyList<string> Fields { get; init; } = [];
    [JsonPropertyName("unique")] public bool Unique { get; init; }
}
