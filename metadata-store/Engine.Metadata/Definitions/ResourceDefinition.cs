using System.Text.Json.Serialization;

namespace Engine.Metadata.Definitions;

/// <summary>A resource as an admin defines it (SPEC §1): the raw JSON document, before validation.</summary>
public sealed record ResourceDefinition
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("plural")] public string? Plural { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("fields")] public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    [JsonPropertyName("indexes")] public IReadOnlyList<IndexDefinition> Indexes { get; init; } = [];
    [JsonPropertyName("access")] public IReadOnlyList<AccessRuleDefinition> Access { get; init; } = [];
}
