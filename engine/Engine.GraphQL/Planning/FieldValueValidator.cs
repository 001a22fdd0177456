using System.Globalization;
using System.Text.RegularExpressions;
using Engine.GraphQL.Schema;
using Engine.Metadata.Model;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Checks a value against its field's rules (required, enum values, <c>min</c>/<c>max</c>, <c>maxLength</c>,
/// <c>pattern</c>, decimal precision) before any SQL runs, so a client gets a field-level error, never a raw
/// database error. The database's CHECK constraints enforce the same rules.
/// </summary>
internal static class FieldValueValidator
{
    /// <summary>Reports every rule <paramref name="value"/> breaks; returns whether it passed.</summary>
    public static bool Validate(FieldModel field, object? value, InputPath path, PlanningErrors errors)
    {
        var before = errors.Count;
        switch (value)
        {
            case null when field.Required:
                errors.BadInput($"{path}: {field.Name} is required and may not be null.", path);
                break;
            case GqlEnumValue enumValue when !field.EnumValues.Contains(enumValue.Name):
                errors.BadInput($"{path}: \"{enumValue.Name}\" is not one of {string.Join(", ", field.EnumValues)}.", path);
                break;
            case string text:
                CheckText(field, text, path, errors);
                break;
            case int or long or double or decimal:
                CheckNumber(field, value, path, errors);
                break;
        }

        return errors.Count == before;
    }

    private static void CheckText(FieldModel field, string text, InputPath path, PlanningErrors errors)
    {
        // PostgreSQL counts characters (code points), not UTF-16 units; only count when it could matter.
        if (field.MaxLength is { } maxLength && text.Length > maxLength && CodePoints(text) > maxLength)
        {
            errors.BadInput($"{path}: {field.Name} may be at most {maxLength} characters long.", path);
        }

        if (field.Pattern is not null && !MatchesPattern(field, text))
        {
            errors.BadInput($"{path}: {field.Name} must match the pattern {field.Pattern}.", path);
        }
    }

    private static bool MatchesPattern(FieldModel field, string text)
    {
        try
        {
            return FieldPatterns.Matches(field, text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static void CheckNumber(FieldModel field, object value, InputPath path, PlanningErrors errors)
    {
        if (value is double number)
        {
            if (field.Min is { } dmin && number < (double)dmin)
            {
                errors.BadInput($"{path}: {field.Name} must be at least {Text(dmin)}.", path);
            }

            if (field.Max is { } dmax && number > (double)dmax)
            {
                errors.BadInput($"{path}: {field.Name} must be at most {Text(dmax)}.", path);
            }

            return;
        }

        var exact = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (field.Min is { } min && exact < min)
        {
            errors.BadInput($"{path}: {field.Name} must be at least {Text(min)}.", path);
        }

        if (field.Max is { } max && exact > max)
        {
            errors.BadInput($"{path}: {field.Name} must be at most {Text(max)}.", path);
        }

        if (value is decimal && field.Precision is { } precision)
        {
            // numeric(p, s) rounds to s decimals and rejects more than p - s digits before the point.
            var integerDigits = precision - (field.Scale ?? 0);
            var rounded = Math.Abs(Math.Round(exact, field.Scale ?? 0, MidpointRounding.AwayFromZero));
            if (rounded >= Pow10(integerDigits))
            {
                errors.BadInput($"{path}: {field.Name} may have at most {integerDigits} digits before the decimal point.", path);
            }
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent && result < decimal.MaxValue / 10; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
