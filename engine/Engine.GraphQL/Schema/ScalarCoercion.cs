using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engine.GraphQL.Schema;

/// <summary>
/// Parses input values of the schema's scalars (<see cref="ScalarTypes"/>) from GraphQL literals and from JSON variables
/// into the CLR values plans carry: ID → <see cref="Guid"/>, Int → int, Long → long, Float → double, Decimal → decimal,
/// Boolean → bool, String → string, DateTime → UTC <see cref="System.DateTime"/>, Date → <see cref="DateOnly"/>,
/// Json → <see cref="Engine.Query.Plans.JsonText"/>. A null input is valid here and yields null: whether null is
/// allowed is the caller's (non-null type) concern.
/// </summary>
public static partial class ScalarCoercion
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>True when <paramref name="name"/> is one of the schema's scalars.</summary>
    public static bool IsScalar(string name) => name is ScalarTypes.Id or ScalarTypes.String or ScalarTypes.Int
        or ScalarTypes.Float or ScalarTypes.Boolean or ScalarTypes.Long or ScalarTypes.Decimal or ScalarTypes.DateTime
        or ScalarTypes.Date or ScalarTypes.Json;

    private static bool ParseId(string text, out object? value, [NotNullWhen(false)] out string? error)
    {
        if (Guid.TryParseExact(text, "D", out var id))
        {
            return Ok(id, out value, out error);
        }

        return Fail($"ID cannot represent a value that is not a UUID (such as \"0190f5e2-7c1d-7000-8000-00000000000a\"): {Quote(text)}", out value, out error);
    }

    private static bool ParseLong(string text, out object? value, [NotNullWhen(false)] out string? error) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? Ok(l, out value, out error)
            : Fail($"Long cannot represent a value that is not a 64-bit integer: {text}", out value, out error);

    private static bool ParseDecimal(string text, out object? value, [NotNullWhen(false)] out string? error) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? Ok(d, out value, out error)
            : Fail($"Decimal cannot represent a value that is not a decimal number: {text}", out value, out error);

    private static bool ParseDateTime(string text, out object? value, [NotNullWhen(false)] out string? error)
    {
        // Without an offset the value is taken as UTC, the engine's time zone.
        if (System.DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
        {
            return Ok(dt, out value, out error);
        }

        return Fail($"DateTime cannot represent a value that is not an ISO 8601 date-time (such as \"2024-05-01T12:30:00Z\"): {Quote(text)}",
            out value, out error);
    }

    private static bool ParseDate(string text, out object? value, [NotNullWhen(false)] out string? error) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Ok(d, out value, out error)
            : Fail($"Date cannot represent a value that is not a date as YYYY-MM-DD: {Quote(text)}", out value, out error);

    private static bool ParseInt(string text, out object? value, [NotNullWhen(false)] out string? error) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? Ok(i, out value, out error)
            : Fail($"Int cannot represent a value that is not a 32-bit integer: {text}", out value, out error);

    private static bool ParseFloat(string text, out object? value, [NotNullWhen(false)] out string? error) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f)
            ? Ok(f, out value, out error)
            : Fail($"Float cannot represent a value that is not a finite number: {text}", out value, out error);

    private static bool Ok(object? result, out object? value, out string? error)
    {
        value = result;
        error = null;
        return true;
    }

    private static bool Fail(string message, out object? value, out string error)
    {
        value = null;
        error = message;
        return false;
    }

    private static bool Unknown(string scalar, out object? value, out string error) =>
        Fail($"Unknown scalar type \"{scalar}\".", out value, out error);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
