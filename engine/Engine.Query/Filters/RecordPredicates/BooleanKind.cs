using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>Boolean as PostgreSQL orders it: false before true.</summary>
internal sealed class BooleanKind : ValueKindOf<bool>
{
    public static readonly BooleanKind Instance = new();

    protected override bool Read(JsonElement value, FieldModel field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Malformed(field, value, "true or false"),
    };

    protected override bool FromFilter(object value, FieldModel field) => (bool)value;

    protected override int Order(bool left, bool right) => left.CompareTo(right);
}
