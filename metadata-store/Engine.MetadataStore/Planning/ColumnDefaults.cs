using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.MetadataStore.Planning;

/// <summary>Renders a field's JSON <c>default</c> as a SQL literal of the column's type.</summary>
internal static class ColumnDefaults
{
    /// <summary>The DEFAULT expression, or null when the field has none (or a JSON <c>null</c>).</summary>
    public static string? Literal(FieldModel field)
    {
        if (field.Default is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || field.Kind != FieldKind.Scalar)
        {
            return null;
        }

        return field.Scalar switch
        {
            ScalarKind.Int or ScalarKind.Long or ScalarKind.Float or ScalarKind.Decimal => Numeric(value, field),
            ScalarKind.Boolean => value.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw Mismatch(field, value),
            },
            ScalarKind.String or ScalarKind.Enum => SqlText.String(Text(value, field)),
            ScalarKind.Date => SqlText.String(Text(value, field)) + "::date",
            ScalarKind.DateTime => SqlText.String(Text(value, field)) + "::timestamptz",
            ScalarKind.Json => SqlText.String(value.GetRawText()) + "::jsonb",
            ScalarKind.Id => SqlText.String(Text(value, field)) + "::uuid",
            _ => throw Mismatch(field, value),
        };
    }

    // Long and Decimal travel as JSON strings in GraphQL, so a default may be written either way.
    private static string Numeric(JsonElement value, FieldModel field) => value.ValueKind switch
    {
        JsonValueKind.Number => SqlText.Number(value.GetRawText()),
        JsonValueKind.String => SqlText.Number(value.GetString()!),
        _ => throw Mismatch(field, value),
    };

    private static string Text(JsonElement value, FieldModel field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Mismatch(field, value);

    private static ArgumentException Mismatch(FieldModel field, JsonElement value) =>
        new($"the default {value.GetRawText()} of field {field.Name} does not fit its type {field.Scalar}", nameof(field));
}
