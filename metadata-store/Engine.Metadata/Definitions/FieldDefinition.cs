using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engine.Metadata.Definitions;

/// <summary>One field of a resource definition, as written in the metadata JSON; types stay strings until validated.</summary>
public sealed record FieldDefinition
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("required")] public bool Required { get; init; }
    [JsonPropertyName("unique")] public bool Unique { get; init; }
    [JsonPropertyName("default")] public JsonElement? Default { get; init; }
    [JsonPropertyName("min")] public decimal? Min { get; init; }
    [JsonPropertyName("max")] public decimal? Max { get; init; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
    [JsonPropertyName("pattern")] public string? Pattern { get; init; }
    [JsonPropertyName("precision")] public int? Precision { get; init; }
    [JsonPropertyName("scale")] public int? Scale { get; init; }
    [JsonPropertyName("values")] public IReadOnlyList<string>? Values { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("cardinality")] public string? Cardinality { get; init; }
    [JsonPropertyName("inverse")] public string? Inverse { get; init; }
    [JsonPropertyName("onDelete")] public string? OnDelete { get; init; }

    /// <summary>The protobuf field number, assigned by the store when the field is first defined and never reused.</summary>
    [JsonPropertyName("number")] public int? Number { get; init; }
}
