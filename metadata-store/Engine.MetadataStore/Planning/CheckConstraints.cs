using Engine.Metadata.Model;

namespace Engine.MetadataStore.Planning;

/// <summary>
/// The one CHECK constraint of a column: min/max for numbers, maxLength/pattern for strings, the value list for
/// enums, joined with AND.
/// </summary>
internal static class CheckConstraints
{
    /// <summary>The CHECK expression (without <c>CHECK</c>), or null when the field has no such rule.</summary>
    public static string? Expression(FieldModel field)
    {
        if (field.Kind != FieldKind.Scalar || field.Column is null)
        {
            return null;
        }

        var column = SqlText.Identifier(field.Column);
        var parts = new List<string>();
        switch (field.Scalar)
        {
            case ScalarKind.Int or ScalarKind.Long or ScalarKind.Float or ScalarKind.Decimal:
                if (field.Min is { } min)
                {
                    parts.Add($"{column} >= {SqlText.Number(min)}");
                }

                if (field.Max is { } max)
                {
                    parts.Add($"{column} <= {SqlText.Number(max)}");
                }

                break;
            case ScalarKind.String:
                if (field.MaxLength is { } maxLength)
                {
                    parts.Add($"char_length({column}) <= {SqlText.Number(maxLength)}");
                }

                if (field.Pattern is { } pattern)
                {
                    parts.Add($"{column} ~ {SqlText.String(pattern)}");
                }

                break;
            case ScalarKind.Enum when field.EnumValues.Count > 0:
                parts.Add($"{column} IN ({SqlText.StringList(field.EnumValues)})");
                break;
        }

        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>
    /// True when the rule of <paramref name="to"/> allows fewer values than that of <paramref name="from"/> in a way
    /// the plan marks destructive: enum values removed (or a free string becoming an enum), or a shorter or new
    /// maxLength. Other tightenings (min, max, pattern) only fail on violating rows and are not marked.
    /// </summary>
    public static bool Narrows(FieldModel from, FieldModel to)
    {
        if (to.Scalar == ScalarKind.Enum)
        {
            return from.Scalar != ScalarKind.Enum || from.EnumValues.Except(to.EnumValues, StringComparer.Ordinal).Any();
        }

        if (to.Scalar == ScalarKind.String && to.MaxLength is { } maxLength)
        {
            return from.Scalar != ScalarKind.String || from.MaxLength is not { } old || maxLength < old;
        }

        return false;
    }
}
