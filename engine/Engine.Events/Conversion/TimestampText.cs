using System.Buffers;
using System.Buffers.Text;

namespace Engine.Events.Conversion;

/// <summary>
/// Turns a <c>timestamptz</c> as <c>to_jsonb</c> writes it (in the writer's session time zone:
/// <c>2024-05-01T14:30:00.123+02:00</c>, <c>1850-01-01T00:19:32+00:19:32</c>, <c>0044-03-15T00:00:00+00:00 BC</c>) into the text Engine.Sql renders with
/// <c>to_char(v AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')</c>: UTC, six fractional digits, <c>Z</c>; the
/// year as <c>YYYY</c> prints it (at least four digits, BC years without their era). <c>to_char</c> of an infinity is
/// null, which <see cref="IsInfinity"/> tells the caller to write.
/// Years beyond <see cref="DateTime"/>'s range are why this does its own calendar arithmetic.
/// </summary>
internal static class TimestampText
{
    private const long MicrosPerSecond = 1_000_000;
    private const long MicrosPerDay = 86_400 * MicrosPerSecond;

    /// <summary>The longest output: a year of up to 7 digits plus <c>-MM-DDTHH:MM:SS.ffffffZ</c>.</summary>
    public const int MaxLength = 7 + 24;

    /// <summary>True for <c>infinity</c> and <c>-infinity</c>, which Engine.Sql renders as null.</summary>
    public static bool IsInfinity(ReadOnlySpan<byte> value) => value.SequenceEqual("infinity"u8) || value.SequenceEqual("-infinity"u8);

    /// <summary>Writes the UTC text of <paramref name="value"/> (the JSON string's content) to <paramref name="destination"/>.</summary>
    public static bool TryFormatUtc(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;

        var bc = value.EndsWith(" BC"u8);
        if (bc)
        {
            value = value[..^3];
        }

        var pos = 0;
        if (!Number(value, ref pos, 4, 7, out var year) || !Expect(value, ref pos, (byte)'-')
            || !Number(value, ref pos, 2, 2, out var month) || !Expect(value, ref pos, (byte)'-')
            || !Number(value, ref pos, 2, 2, out var day) || !Expect(value, ref pos, (byte)'T')
            || !Number(value, ref pos, 2, 2, out var hour) || !Expect(value, ref pos, (byte)':')
            || !Number(value, ref pos, 2, 2, out var minute) || !Expect(value, ref pos, (byte)':')
            || !Number(value, ref pos, 2, 2, out var second))
        {
            return false;
        }

        long micros = 0;
        if (pos < value.Length && value[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < value.Length && IsDigit(value[pos]))
            {
                if (digits++ >= 6)
                {
                    return false;
                }

                micros = (micros * 10) + (value[pos++] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 6; digits++)
            {
                micros *= 10;
            }
        }

        if (!Offset(value, ref pos, out var offsetSeconds) || pos != value.Length)
        {
            return false;
        }

        // PostgreSQL's 44 BC is the proleptic Gregorian (astronomical) year -43.
        var astronomicalYear = bc ? 1 - year : year;
        var total = (DaysFromCivil(astronomicalYear, month, day) * MicrosPerDay)
            + (((hour * 3600) + (minute * 60) + second - offsetSeconds) * MicrosPerSecond) + micros;
        var days = Math.DivRem(total, MicrosPerDay, out var ofDay);
        if (ofDay < 0)
        {
            days--;
            ofDay += MicrosPerDay;
        }

        var (utcYear, utcMonth, utcDay) = CivilFromDays(days);
        var printedYear = utcYear <= 0 ? 1 - utcYear : utcYear;
        return Write(destination, out written, printedYear, utcMonth, utcDay, ofDay);
    }

    private static bool Write(Span<byte> destination, out int written, long year, long month, long day, long ofDay)
    {
        written = 0;
        var seconds = ofDay / MicrosPerSecond;
        if (!Utf8Formatter.TryFormat(year, destination, out var n, new StandardFormat('D', 4)))
        {
            return false;
        }

        var rest = destination[n..];
        if (rest.Length < 24)
        {
            return false;
        }

        rest[0] = (byte)'-';
        Two(rest[1..], month);
        rest[3] = (byte)'-';
        Two(rest[4..], day);
        rest[6] = (byte)'T';
        Two(rest[7..], seconds / 3600);
        rest[9] = (byte)':';
        Two(rest[10..], seconds / 60 % 60);
        rest[12] = (byte)':';
        Two(rest[13..], seconds % 60);
        rest[15] = (byte)'.';
        Utf8Formatter.TryFormat(ofDay % MicrosPerSecond, rest[16..], out _, new StandardFormat('D', 6));
        rest[22] = (byte)'Z';
        written = n + 23;
        return true;
    }

    private static void Two(Span<byte> destination, long value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    /// <summary>Reads <c>+HH</c>, <c>+HH:MM</c> or <c>+HH:MM:SS</c> (PostgreSQL prints only the parts that are not zero).</summary>
    private static bool Offset(ReadOnlySpan<byte> value, ref int pos, out long seconds)
    {
        seconds = 0;
        if (pos >= value.Length || (value[pos] != '+' && value[pos] != '-'))
        {
            return false;
        }

        var sign = value[pos++] == '-' ? -1 : 1;
        if (!Number(value, ref pos, 2, 2, out var hours))
        {
            return false;
        }

        seconds = hours * 3600;
        for (var multiplier = 60; multiplier >= 1 && pos < value.Length && value[pos] == ':'; multiplier /= 60)
        {
            pos++;
            if (!Number(value, ref pos, 2, 2, out var part))
            {
                return false;
            }

            seconds += part * multiplier;
        }

        seconds *= sign;
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> value, ref int pos, int minDigits, int maxDigits, out long number)
    {
        number = 0;
        var start = pos;
        while (pos < value.Length && IsDigit(value[pos]) && pos - start < maxDigits)
        {
            number = (number * 10) + (value[pos++] - '0');
        }

        return pos - start >= minDigits;
    }

    private static bool Expect(ReadOnlySpan<byte> value, ref int pos, byte expected)
    {
        if (pos < value.Length && value[pos] == expected)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's <c>days_from_civil</c>).</summary>
    private static long DaysFromCivil(long year, long month, long day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The proleptic Gregorian date of a day number (H. Hinnant's <c>civil_from_days</c>).</summary>
    private static (long Year, long Month, long Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = dayOfYear - (((153 * mp) + 2) / 5) + 1;
        var month = mp < 10 ? mp + 3 : mp - 9;
        return ((yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0), month, day);
    }
}
