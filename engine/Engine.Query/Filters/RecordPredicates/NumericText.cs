namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// A number written as decimal text (PostgreSQL numeric output, a JSON number), held exactly whatever its size:
/// sign, significant digits without leading or trailing zeros, and the power of ten of the first digit. Ordered as
/// PostgreSQL orders numeric: -Infinity, the numbers, Infinity, then NaN (equal to itself).
/// </summary>
internal readonly record struct NumericText(int Rank, int Sign, string Digits, long Exponent)
{
    private const int NegativeInfinityRank = 0;
    private const int FiniteRank = 1;
    private const int PositiveInfinityRank = 2;
    private const int NaNRank = 3;

    /// <summary>Parses <c>[+-]digits[.digits][(e|E)[+-]digits]</c>, <c>NaN</c> or <c>[+-]Infinity</c>; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NumericText value)
    {
        value = default;
        switch (text)
        {
            case "NaN":
                value = new NumericText(NaNRank, 0, string.Empty, 0);
                return true;
            case "Infinity" or "+Infinity":
                value = new NumericText(PositiveInfinityRank, 1, string.Empty, 0);
                return true;
            case "-Infinity":
                value = new NumericText(NegativeInfinityRank, -1, string.Empty, 0);
                return true;
        }

        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        var exponentAt = text.IndexOfAny('e', 'E');
        long exponent = 0;
        if (exponentAt >= 0)
        {
            if (!long.TryParse(text[(exponentAt + 1)..], System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            text = text[..exponentAt];
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : text[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var digits = string.Concat(whole, fraction);
        var lead = digits.AsSpan().IndexOfAnyExcept('0');
        if (lead < 0)
        {
            value = new NumericText(FiniteRank, 0, string.Empty, 0);
            return true;
        }

        var significant = digits.AsSpan(lead).TrimEnd('0');
        value = new NumericText(FiniteRank, negative ? -1 : 1, significant.ToString(), exponent + whole.Length - lead);
        return true;
    }

    /// <summary>Negative, zero or positive as PostgreSQL orders numeric values.</summary>
    public static int Compare(NumericText left, NumericText right)
    {
        if (left.Rank != right.Rank)
        {
            return left.Rank.CompareTo(right.Rank);
        }

        if (left.Rank != FiniteRank || left.Sign != right.Sign)
        {
            return left.Rank != FiniteRank ? 0 : left.Sign.CompareTo(right.Sign);
        }

        if (left.Sign == 0)
        {
            return 0;
        }

        var magnitude = left.Exponent != right.Exponent
            ? left.Exponent.CompareTo(right.Exponent)
            : string.CompareOrdinal(left.Digits, right.Digits);
        return left.Sign * Math.Sign(magnitude);
    }
}
