using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Engine.Metadata.Validation;

/// <summary>
/// A field's <c>pattern</c> is checked twice: by .NET before SQL (for a field-level error) and by PostgreSQL in a
/// CHECK constraint (<c>~</c>, Advanced Regular Expressions). This class keeps patterns to the subset both engines
/// read the same way, so the two checks never disagree.
/// </summary>
internal static class PortablePattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Escapes of letters and digits that mean the same in both engines; others differ (<c>\b</c>, <c>\Z</c>, <c>\p</c>, ...).</summary>
    private const string PortableLetterEscapes = "dDwWsSntrfvuA";

    /// <summary>PostgreSQL rejects repetition counts above 255 (DUPMAX).</summary>
    private const int MaxRepetition = 255;

    /// <summary>Compiles the pattern as .NET would run it; <paramref name="error"/> says why it does not compile.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        try
        {
            // PostgreSQL's '.' matches a newline too; Singleline makes .NET's do the same.
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, Timeout);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            regex = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Whether the text matches; a pattern too slow to decide is given the benefit of the doubt.</summary>
    public static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>Why the pattern would behave differently in PostgreSQL than in .NET, or null when it is portable.</summary>
    public static string? FindNonPortable(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c == '\\')
            {
                if (char.IsAsciiLetterOrDigit(next) && !IsPortableEscape(pattern, i + 1))
                {
                    return $"the escape '\\{next}' means something different (or nothing) in PostgreSQL; "
                        + "use only \\d \\D \\w \\W \\s \\S \\n \\t \\r \\f \\v \\uXXXX \\A, back references \\1 to \\9, and escaped punctuation";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && next is ':' or '.' or '=')
                {
                    return "POSIX bracket expressions such as [[:alpha:]] are not understood by .NET; write the characters out, e.g. [A-Za-z]";
                }

                if (c == '-' && next == '[')
                {
                    return "character class subtraction such as [a-z-[aeiou]] is .NET-only; list the characters you want instead";
                }

                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    // A ']' right after '[' or '[^' is a literal in both engines, not the end of the class.
                    i += next == '^' ? 1 : 0;
                    i += i + 1 < pattern.Length && pattern[i + 1] == ']' ? 1 : 0;
                    break;
                case '(' when next == '?':
                    if (!IsPortableGroup(pattern.AsSpan(i + 2)))
                    {
                        return "only the groups (?:...), (?=...), (?!...), (?<=...) and (?<!...) work the same in PostgreSQL; "
                            + "named groups, atomic groups, inline options and conditionals do not";
                    }

                    break;
                case '{':
                    if (RepetitionProblem(pattern, i) is { } problem)
                    {
                        return problem;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Non-capturing groups and lookaround, the only <c>(?</c> constructs both engines share.</summary>
    private static bool IsPortableGroup(ReadOnlySpan<char> afterQuestionMark) =>
        afterQuestionMark.StartsWith(":") || afterQuestionMark.StartsWith("=") || afterQuestionMark.StartsWith("!")
        || afterQuestionMark.StartsWith("<=") || afterQuestionMark.StartsWith("<!");

    private static bool IsPortableEscape(string pattern, int at)
    {
        var c = pattern[at];
        if (char.IsAsciiDigit(c))
        {
            // \1 to \9 are back references in both; \0 and multi-digit escapes are octal in one and not the other.
            return c != '0' && !(at + 1 < pattern.Length && char.IsAsciiDigit(pattern[at + 1]));
        }

        return PortableLetterEscapes.Contains(c, StringComparison.Ordinal);
    }

    /// <summary>A '{' must start a bound {m}, {m,} or {m,n} with counts up to 255: .NET reads anything else as a literal, PostgreSQL as an error.</summary>
    private static string? RepetitionProblem(string pattern, int open)
    {
        var close = pattern.IndexOf('}', open);
        var bound = close < 0 ? "" : pattern[(open + 1)..close];
        var parts = bound.Split(',');
        var valid = close > open + 1 && parts.Length <= 2 && parts[0].Length > 0
            && parts.All(p => p.All(char.IsAsciiDigit));
        if (!valid)
        {
            return "a '{' that does not start a repetition such as {2} or {1,5} is an error in PostgreSQL; write '\\{' for a literal brace";
        }

        foreach (var part in parts)
        {
            if (part.Length > 0 && (part.Length > 3 || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > MaxRepetition))
            {
                return $"PostgreSQL allows repetition counts up to {MaxRepetition}; {{{bound}}} is too large";
            }
        }

        return null;
    }
}
