using System.Text;
using Engine.Events.Conversion;

namespace Engine.Events.Tests.Conversion;

public sealed class TimestampTextTests
{
    // Inputs are what to_jsonb printed for these timestamps in the Europe/Amsterdam session zone; outputs are what
    // to_char(v AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') printed for the same values (PostgreSQL 15).
    [Theory]
    [InlineData("2024-05-01T14:30:00.123+02:00", "2024-05-01T12:30:00.123000Z")]
    [InlineData("2024-05-01T14:30:00+02:00", "2024-05-01T12:30:00.000000Z")]
    [InlineData("2024-05-01T12:30:00.000001+00:00", "2024-05-01T12:30:00.000001Z")]
    [InlineData("2024-01-01T04:59:59.999999+05:30", "2023-12-31T23:29:59.999999Z")]
    [InlineData("2023-12-31T20:00:00-05:00", "2024-01-01T01:00:00.000000Z")]
    [InlineData("1850-01-01T00:19:32+00:19:32", "1850-01-01T00:00:00.000000Z")]
    [InlineData("0044-03-15T00:19:32+00:19:32 BC", "0044-03-15T00:00:00.000000Z")]
    [InlineData("12000-01-01T01:00:00+01:00", "12000-01-01T00:00:00.000000Z")]
    [InlineData("2024-02-29T23:00:00-01:00", "2024-03-01T00:00:00.000000Z")]
    public void TryFormatUtc_ToJsonbText_MatchesToChar(string input, string expected)
    {
        var destination = new byte[TimestampText.MaxLength];

        Assert.True(TimestampText.TryFormatUtc(Encoding.UTF8.GetBytes(input), destination, out var written));

        Assert.Equal(expected, Encoding.UTF8.GetString(destination, 0, written));
    }

    [Theory]
    [InlineData("2024-05-01")]
    [InlineData("2024-05-01T14:30:00")]
    [InlineData("2024-05-01T14:30:00.1234567+00:00")]
    [InlineData("not a timestamp")]
    [InlineData("infinity")]
    public void TryFormatUtc_NotATimestamp_ReturnsFalse(string input)
    {
        Assert.False(TimestampText.TryFormatUtc(Encoding.UTF8.GetBytes(input), new byte[TimestampText.MaxLength], out _));
    }
}
