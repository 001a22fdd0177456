using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engine.Metadata.Definitions;

/// <summary>Grants actions on a resource to a role, optionally limited to rows (<c>where</c>) and fields.</summary>
public sealed record AccessRuleDefinition
{
    [JsonPropertyName("role")] public string Role { get; init; } = "";
    [JsonPropertyName("actions")] public IReadOnlyList<string> Actions { get; init; } = [];
    [JsonPropertyName("where")] public JsonElement? Where { get; init; }
    [JsonPropertyName("fields")] public IReadOnlyList<string>? Fields { get; init; }
}
