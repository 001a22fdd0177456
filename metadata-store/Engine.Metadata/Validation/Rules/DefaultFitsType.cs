using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// A <c>default</c> has the JSON kind and range of its field's type, satisfies <c>maxLength</c>, <c>pattern</c>,
/// precision and scale, is one of an Enum's values, and is absent on relations.
/// </summary>
internal sealed partial class DefaultFitsType : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Default is not { } value || !FieldTypes.All.Contains(field.Type))
            {
                continue;
            }

            var problem = value.ValueKind == JsonValueKind.Null
                ? "is null; omit 'default' for no default"
                : ProblemWith(field, value);
            if (problem is not null)
            {
                context.Report($"fields[{i}].default", $"The default {DefaultValues.Show(value)} of '{field.Name}' {problem}.");
            }
        }
    }

    /// <summary>What is wrong with the value, phrased to follow "The default X of 'f' ...", or null.</summary>
    private static string? ProblemWith(FieldDefinition field, JsonElement value) => field.Type switch
    {
        FieldTypes.Relation => "is not allowed: relations cannot have a default; remove it",
        FieldTypes.Int => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null
            : "is not an Int: use a whole JSON number from -2147483648 to 2147483647",
        FieldTypes.Long => IsLong(value) ? null
            : "is not a Long: use a whole number from -9223372036854775808 to 9223372036854775807, as a JSON number or a string",
        FieldTypes.Float => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? null
            : "is not a Float: use a finite JSON number",
        FieldTypes.Decimal => DecimalProblem(field, value),
        FieldTypes.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "is not a Boolean: use true or false",
        FieldTypes.String => StringProblem(field, value),
        FieldTypes.Date => value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null
            : "is not a Date: use a string 'YYYY-MM-DD', e.g. \"2024-05-31\"",
        FieldTypes.DateTime => IsDateTime(value) ? null
            : "is not a DateTime: use an ISO 8601 string with a time zone, e.g. \"2024-05-31T12:00:00Z\" or \"2024-05-31T14:00:00+02:00\"",
        FieldTypes.Enum => value.ValueKind == JsonValueKind.String && field.Values is { } values && values.Contains(value.GetString()!) ? null
            : $"is not one of the values of the enum: use one of {string.Join(", ", field.Values ?? [])} as a string",
        _ => null,
    };

    private static bool IsLong(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out _),
        JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool IsDateTime(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && IsoDateTime().IsMatch(value.GetString()!)
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string? DecimalProblem(FieldDefinition field, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String) || !DefaultValues.TryGetDecimal(value, out var number))
        {
            return "is not a Decimal: use a JSON number or a numeric string such as \"12.50\"";
        }

        if (field.Precision is not { } precision)
        {
            return null;
        }

        var scale = field.Scale ?? 0;
        if (scale < 28 && decimal.Round(number, scale) != number)
        {
            return $"has more than {scale} digits after the decimal point (scale {scale})";
        }

        var integerDigits = precision - scale;
        return integerDigits < 29 && Math.Abs(number) >= PowerOfTen(integerDigits)
            ? $"has more than {integerDigits} digits before the decimal point (precision {precision}, scale {scale})"
            : null;
    }

    private static decimal PowerOfTen(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }

    private static string? StringProblem(FieldDefinition field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return "is not a String: use a JSON string";
        }

        var text = value.GetString()!;
        if (field.MaxLength is > 0 and var maxLength && text.EnumerateRunes().Count() > maxLength)
        {
            return $"is longer than maxLength {maxLength}";
        }

        return field.Pattern is { Length: > 0 } pattern && PortablePattern.TryCompile(pattern, out var regex, out _)
            && !PortablePattern.Matches(regex, text)
            ? $"does not match the pattern '{pattern}'"
            : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
