namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// Proleptic Gregorian day numbers for any year (PostgreSQL's dates reach far beyond <see cref="DateOnly"/>'s 9999),
/// and the fixed-width <c>YYYY-MM-DD</c> text Engine.Sql writes (with more year digits past 9999).
/// </summary>
internal static class CivilDays
{
    /// <summary>Days from 2000-01-01 (PostgreSQL's epoch) to the given date.</summary>
    public static long FromEpoch(long year, int month, int day)
    {
        // Howard Hinnant's days_from_civil, counted from 1970-01-01, shifted to 2000-01-01 (10957 days later).
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468 - 10957;
    }

    /// <summary>
    /// Reads <c>Y…Y-MM-DD</c> at the start of <paramref name="text"/> (at least four year digits); returns the
    /// characters read, or 0 when it is not such a date.
    /// </summary>
    public static int TryRead(ReadOnlySpan<char> text, out long days)
    {
        days = 0;
        var dash = text.IndexOf('-');
        if (dash < 4 || text.Length < dash + 6 || text[dash + 3] != '-'
            || !TryDigits(text[..dash], out var year) || !TryDigits(text.Slice(dash + 1, 2), out var month)
            || !TryDigits(text.Slice(dash + 4, 2), out var day) || month is < 1 or > 12 || day is < 1 or > 31)
        {
            return 0;
        }

        days = FromEpoch(year, (int)month, (int)day);
        return dash + 6;
    }

    /// <summary>Reads an unsigned run of ASCII digits (at most 18).</summary>
    public static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
