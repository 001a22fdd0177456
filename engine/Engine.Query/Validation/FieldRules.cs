using System.Globalization;
using System.Text.RegularExpressions;
using Engine.Metadata.Model;

namespace Engine.Query.Validation;

/// <summary>
/// Checks a value about to be written against its field's rules (required, enum values, <c>min</c>/<c>max</c>,
/// <c>maxLength</c>, <c>pattern</c>, decimal precision) before any SQL runs, so every protocol gives a field-level
/// error instead of a database error. The database's CHECK constraints enforce the same rules.
/// </summary>
public static class FieldRules
{
    /// <summary>Adds a sentence for every rule <paramref name="value"/> breaks (CLR values as Engine.Query documents them).</summary>
    public static void Check(FieldModel field, object? value, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(problems);
        switch (value)
        {
            case null when field.Required:
                problems.Add($"{field.Name} is required and may not be null.");
                break;
            case string text when field.Scalar == ScalarKind.Enum:
                if (!field.EnumValues.Contains(text))
                {
                    problems.Add($"\"{text}\" is not one of {string.Join(", ", field.EnumValues)}.");
                }

                break;
            case string text:
                CheckText(field, text, problems);
                break;
            case int or long or double or decimal:
                CheckNumber(field, value, problems);
                break;
        }
    }

    private static void CheckText(FieldModel field, string text, ICollection<string> problems)
    {
        // PostgreSQL counts characters (code points), not UTF-16 units; only count when it could matter.
        if (field.MaxLength is { } maxLength && text.Length > maxLength && CodePoints(text) > maxLength)
        {
            problems.Add($"{field.Name} may be at most {maxLength} characters long.");
        }

        if (field.Pattern is not null && !MatchesPattern(field, text))
        {
            problems.Add($"{field.Name} must match the pattern {field.Pattern}.");
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

    private static void CheckNumber(FieldModel field, object value, ICollection<string> problems)
    {
        if (value is double number)
        {
            if (field.Min is { } dmin && number < (double)dmin)
            {
                problems.Add($"{field.Name} must be at least {Text(dmin)}.");
            }

            if (field.Max is { } dmax && number > (double)dmax)
            {
                problems.Add($"{field.Name} must be at most {Text(dmax)}.");
            }

            return;
        }

        var exact = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if (field.Min is { } min && exact < min)
        {
            problems.Add($"{field.Name} must be at least {Text(min)}.");
        }

        if (field.Max is { } max && exact > max)
        {
            problems.Add($"{field.Name} must be at most {Text(max)}.");
        }

        if (value is decimal && field.Precision is { } precision)
        {
            // numeric(p, s) rounds to s decimals and rejects more than p - s digits before the point.
            var integerDigits = precision - (field.Scale ?? 0);
            var rounded = Math.Abs(Math.Round(exact, field.Scale ?? 0, MidpointRounding.AwayFromZero));
            if (rounded >= Pow10(integerDigits))
            {
                problems.Add($"{field.Name} may have at most {integerDigits} digits before the decimal point.");
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
