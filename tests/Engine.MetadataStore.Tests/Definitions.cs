using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.MetadataStore.Tests;

/// <summary>Short ways to write resource definitions in tests.</summary>
internal static class Definitions
{
    public static ResourceDefinition Resource(string name, params FieldDefinition[] fields) => new() { Name = name, Fields = fields };

    public static FieldDefinition Field(string name, string type) => new() { Name = name, Type = type };

    public static FieldDefinition ToOne(string name, string target, string onDelete = "RESTRICT") =>
        new() { Name = name, Type = FieldTypes.Relation, Target = target, Cardinality = "one", OnDelete = onDelete };

    public static FieldDefinition ToMany(string name, string target, string? inverse = null) =>
        new() { Name = name, Type = FieldTypes.Relation, Target = target, Cardinality = "many", Inverse = inverse };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static SchemaModel Model(params ResourceDefinition[] resources) => SchemaModelBuilder.Build(1, resources);
}
