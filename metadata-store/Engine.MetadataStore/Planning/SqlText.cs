using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Engine.MetadataStore.Planning;

/// <summary>
/// Identifier quoting and literal rendering for DDL. DDL cannot take parameters, so every value that reaches a
/// statement goes through here, where it is quoted so that no input can end the literal early.
/// </summary>
internal static partial class SqlText
{
    /// <summary><c>name</c> → <c>"name"</c>, doubling embedded quotes.</summary>
    public static string Identifier(string name)
    {
        RejectNul(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary><c>"schema"."table"</c>.</summary>
    public static string Qualified(string schema, string name) => Identifier(schema) + "." + Identifier(name);

    /// <summary>
    /// A string literal. Quotes are doubled; a value with a backslash becomes an escape string (<c>E'...'</c>) with the
    /// backslash doubled too, so the literal means the same whatever <c>standard_conforming_strings</c> is.
    /// </summary>
    public static string String(string value)
    {
        RejectNul(value);
        var quoted = value.Replace("'", "''", StringComparison.Ordinal);
        return value.Contains('\\', StringComparison.Ordinal)
            ? "E'" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + quoted + "'";
    }

    /// <summary>A numeric literal from text that must be a plain decimal number (JSON number syntax).</summary>
    public static string Number(string text)
    {
        if (!NumberSyntax().IsMatch(text))
        {
            throw new ArgumentException($"'{text}' is not a number", nameof(text));
        }

        return text;
    }

    /// <summary>A numeric literal of a decimal value.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A comma-separated list of string literals.</summary>
    public static string StringList(IEnumerable<string> values)
    {
        var sb = new StringBuilder();
        foreach (var value in values)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(String(value));
        }

        return sb.ToString();
    }

    // PostgreSQL text cannot hold NUL, and an identifier or literal with one would be cut short.
    private static void RejectNul(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("SQL text cannot contain a NUL character", nameof(value));
        }
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberSyntax();
}
