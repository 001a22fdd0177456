using System.Text.Json;
using System.Text.Json.Serialization;
using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>How definitions are written to and read from the store's <c>jsonb</c> columns.</summary>
internal static class DefinitionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ResourceDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static string Serialize(FieldDefinition field) => JsonSerializer.Serialize(field, Options);

    public static ResourceDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<ResourceDefinition>(json, Options)
        ?? throw new InvalidOperationException("a stored definition is null");
}
