using System.Text.Json;
using Engine.Metadata.Definitions;

namespace Engine.Metadata.Tests.Support;

/// <summary>Short ways to write definitions in tests.</summary>
internal static class Defs
{
    public static ResourceDefinition Resource(string name, params FieldDefinition[] fields) => new() { Name = name, Fields = fields };

    public static FieldDefinition Field(string name, string type = FieldTypes.String) => new() { Name = name, Type = type };

    public static FieldDefinition ToOne(string name, string target, string? inverse = null) =>
        new() { Name = name, Type = FieldTypes.Relation, Target = target, Cardinality = "one", Inverse = inverse };

    public static FieldDefinition ToMany(string name, string target, string? inverse = null) =>
        new() { Name = name, Type = FieldTypes.Relation, Target = target, Cardinality = "many", Inverse = inverse };

    public static FieldDefinition Enum(string name, params string[] values) => new() { Name = name, Type = FieldTypes.Enum, Values = values };

    public static JsonElement JsonValue(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        return document.RootElement.Clone();
    }
}
