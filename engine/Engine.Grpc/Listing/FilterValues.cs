using System.Globalization;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Plans;

namespace Engine.Grpc.Listing;

/// <summary>
/// Coerces a filter literal to the CLR value a field's <see cref="ScalarKind"/> compares with (see
/// <see cref="Engine.Query.Filters.Filter"/>), or says what the field expects.
/// </summary>
internal static class FilterValues
{
    /// <summary>
    /// The value of <paramref name="literal"/> for <paramref name="field"/>; <paramref name="negative"/> when a <c>-</c>
    /// preceded a number. False with a message (without offset) when the literal does not fit.
    /// </summary>
    public static bool TryCoerce(FieldModel field, string name, FilterToken literal, bool negative, out object? value, out string? error)
    {
        value = null;
        error = null;
        var kind = literal.Kind;
        var text = negative ? "-" + literal.Text : literal.Text;
        switch (field.Scalar)
        {
            case ScalarKind.Id when kind == FilterTokenKind.String && Guid.TryParse(text, out var id):
                value = id;
                return true;
            case ScalarKind.Id:
                error = $"{name} expects an id: a UUID in double quotes.";
                return false;
            case ScalarKind.String when kind == FilterTokenKind.String:
                value = text;
                return true;
            case ScalarKind.String:
                error = $"{name} expects a string in double quotes.";
                return false;
            case ScalarKind.Int:
                return TryInteger(kind, text, name, "Int", int.MinValue, int.MaxValue, out value, out error);
            case ScalarKind.Long:
                return TryInteger(kind, text, name, "Long", long.MinValue, long.MaxValue, out value, out error);
            case ScalarKind.Float:
                return TryFloat(kind, text, name, out value, out error);
            case ScalarKind.Decimal:
                return TryDecimal(kind, text, name, out value, out error);
            case ScalarKind.Boolean when literal.Is("true") || literal.Is("false"):
                value = literal.Text == "true";
                return true;
            case ScalarKind.Boolean:
                error = $"{name} expects true or false.";
                return false;
            case ScalarKind.DateTime:
                return TryTimestamp(kind, text, name, out value, out error);
            case ScalarKind.Date when kind == FilterTokenKind.String
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                value = day;
                return true;
            case ScalarKind.Date:
                error = $"{name} expects a date in double quotes, as \"YYYY-MM-DD\".";
                return false;
            case ScalarKind.Json when kind == FilterTokenKind.String && JsonText.IsValid(text):
                value = new JsonText(text);
                return true;
            case ScalarKind.Json:
                error = $"{name} expects a JSON document in a double-quoted string.";
                return false;
            case ScalarKind.Enum:
                return TryEnum(field, kind, text, name, out value, out error);
            default:
                error = $"{name} cannot be compared with a value.";
                return false;
        }
    }

    private static bool TryInteger(FilterTokenKind kind, string text, string name, string type, long min, long max, out object? value, out string? error)
    {
        value = null;
        if (kind != FilterTokenKind.Number || text.AsSpan().TrimStart('-').ContainsAnyExceptInRange('0', '9'))
        {
            error = $"{name} expects an integer ({type}).";
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            error = $"{text} is out of range for {name} ({type}: {min}..{max}).";
            return false;
        }

        value = type == "Int" ? (int)number : (object)number;
        error = null;
        return true;
    }

    private static bool TryFloat(FilterTokenKind kind, string text, string name, out object? value, out string? error)
    {
        value = null;
        if (kind != FilterTokenKind.Number || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = $"{name} expects a number (Float).";
            return false;
        }

        if (!double.IsFinite(number))
        {
            error = $"{text} is out of range for {name} (Float).";
            return false;
        }

        value = number;
        error = null;
        return true;
    }

    /// <summary>A number, or the decimal text the protobuf message carries (<c>"12.50"</c>).</summary>
    private static bool TryDecimal(FilterTokenKind kind, string text, string name, out object? value, out string? error)
    {
        value = null;
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (kind is not (FilterTokenKind.Number or FilterTokenKind.String) || !LooksNumeric(text))
        {
            error = $"{name} expects a decimal number.";
            return false;
        }

        if (!decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var number))
        {
            error = $"{text} is out of range for {name} (Decimal).";
            return false;
        }

        value = number;
        error = null;
        return true;
    }

    /// <summary>An optional minus, digits, an optional fraction and exponent: what the lexer reads as a number.</summary>
    private static bool LooksNumeric(string text)
    {
        var span = text.AsSpan();
        if (span.StartsWith("-"))
        {
            span = span[1..];
        }

        return span.Length > 0 && char.IsAsciiDigit(span[0]) && !span.ContainsAnyExcept("0123456789.eE+-");
    }

    /// <summary>An RFC 3339 timestamp with a time zone (<c>Z</c> or <c>±hh:mm</c>), as UTC.</summary>
    private static bool TryTimestamp(FilterTokenKind kind, string text, string name, out object? value, out string? error)
    {
        value = null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var zoned = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (kind != FilterTokenKind.String || !zoned
            || !DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            error = $"{name} expects an RFC 3339 timestamp in double quotes, as \"2024-05-01T12:00:00Z\".";
            return false;
        }

        value = time.UtcDateTime;
        error = null;
        return true;
    }

    /// <summary>A declared value (<c>DRAFT</c>) or its protobuf name (<c>STATUS_DRAFT</c>), bare or quoted; the plan holds the declared value.</summary>
    private static bool TryEnum(FieldModel field, FilterTokenKind kind, string text, string name, out object? value, out string? error)
    {
        value = null;
        if (kind is FilterTokenKind.Identifier or FilterTokenKind.String)
        {
            var prefix = ProtoNames.EnumValue(field.Name, string.Empty);
            var declared = text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
            foreach (var candidate in field.EnumValues)
            {
                if (candidate == text || candidate == declared)
                {
                    value = candidate;
                    error = null;
                    return true;
                }
            }
        }

        error = $"{name} expects one of {string.Join(", ", field.EnumValues)}.";
        return false;
    }
}
