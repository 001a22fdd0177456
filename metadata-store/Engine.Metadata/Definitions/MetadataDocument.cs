using System.Text.Json.Serialization;

namespace Engine.Metadata.Definitions;

/// <summary>The whole metadata at one version: <c>{"version": 12, "resources": [...]}</c> (SPEC §2).</summary>
public sealed record MetadataDocument
{
    [JsonPropertyName("version")] public long Version { get; init; }
    [JsonPropertyName("resources")] public IReadOnlyList<ResourceDefinition> Resources { get; init; } = [];
}
