using System.Text;

namespace Engine.Grpc.Listing;

/// <summary>Splits a <c>filter</c> into tokens, or names the first character that cannot start one.</summary>
internal static class FilterLexer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with <see cref="FilterTokenKind.End"/>; false with a message on a lexical error.</summary>
    public static bool TryTokenize(string text, List<FilterToken> tokens, out string? error)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, i));
                error = null;
                return true;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                i = NumberEnd(text, i);
                tokens.Add(new FilterToken(FilterTokenKind.Number, text[start..i], start));
            }
            else if (c == '"')
            {
                if (!TryString(text, ref i, out var value, out error))
                {
                    return false;
                }

                tokens.Add(new FilterToken(FilterTokenKind.String, value, start));
            }
            else if (Symbol(text, i) is { } symbol)
            {
                i += symbol.Text.Length;
                tokens.Add(new FilterToken(symbol.Kind, symbol.Text, start));
            }
            else
            {
                error = $"Offset {start}: unexpected character '{c}'.";
                return false;
            }
        }
    }

    private static (FilterTokenKind Kind, string Text)? Symbol(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return text[i] switch
        {
            '.' => (FilterTokenKind.Dot, "."),
            '(' => (FilterTokenKind.LeftParen, "("),
            ')' => (FilterTokenKind.RightParen, ")"),
            '-' => (FilterTokenKind.Minus, "-"),
            ':' => (FilterTokenKind.Operator, ":"),
            '=' => (FilterTokenKind.Operator, "="),
            '!' when next == '=' => (FilterTokenKind.Operator, "!="),
            '<' when next == '=' => (FilterTokenKind.Operator, "<="),
            '>' when next == '=' => (FilterTokenKind.Operator, ">="),
            '<' => (FilterTokenKind.Operator, "<"),
            '>' => (FilterTokenKind.Operator, ">"),
            _ => null,
        };
    }

    /// <summary>Where a number starting at <paramref name="i"/> ends: digits, then <c>.digits</c>, then <c>e[+-]digits</c>, each only when complete.</summary>
    private static int NumberEnd(string text, int i)
    {
        i = Digits(text, i);
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i = Digits(text, i + 1);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1 < text.Length && text[i + 1] is '+' or '-' ? i + 2 : i + 1;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = Digits(text, j);
            }
        }

        return i;
    }

    private static int Digits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads a double-quoted string at <paramref name="i"/> (on the quote) with the escapes <c>\"</c> and <c>\\</c>.</summary>
    private static bool TryString(string text, ref int i, out string value, out string? error)
    {
        var start = i;
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                value = builder.ToString();
                error = null;
                return true;
            }

            if (c == '\\')
            {
                if (i + 1 == text.Length)
                {
                    break;
                }

                var escaped = text[i + 1];
                if (escaped is not ('"' or '\\'))
                {
                    value = string.Empty;
                    error = $"Offset {i}: unknown escape '\\{escaped}' in a string; only \\\" and \\\\ are allowed.";
                    return false;
                }

                builder.Append(escaped);
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        value = string.Empty;
        error = $"Offset {start}: unterminated string; expected a closing '\"'.";
        return false;
    }
}
