using System.Globalization;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Query.Access;

/// <summary>
/// Coerces the text of a rule literal or of a claim to the CLR value a field's storage type compares with (the forms
/// <see cref="Filters.Filter"/> documents), so a <c>$claims.tenant</c> compared with an Int field binds as an int.
/// </summary>
internal static class AccessValues
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The value of <paramref name="text"/> for <paramref name="field"/>; false when the text does not fit the type.</summary>
    public static bool TryCoerce(FieldModel field, string text, out object? value)
    {
        value = field.Scalar switch
        {
            ScalarKind.Id => Guid.TryParse(text, out var id) ? id : null,
            ScalarKind.String => text,
            ScalarKind.Int => int.TryParse(text, Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            ScalarKind.Long => long.TryParse(text, Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            ScalarKind.Float => double.TryParse(text, Real, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            ScalarKind.Decimal => decimal.TryParse(text, Real, CultureInfo.InvariantCulture, out var m) ? m : null,
            ScalarKind.Boolean => text switch { "true" => true, "false" => false, _ => null },
            ScalarKind.DateTime => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.UtcDateTime
                : null,
            ScalarKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            ScalarKind.Json => JsonText.IsValid(text) ? new JsonText(text) : null,
            ScalarKind.Enum => field.EnumValues.Contains(text, StringComparer.Ordinal) ? text : null,
            _ => null,
        };
        return value is not null;
    }
}
