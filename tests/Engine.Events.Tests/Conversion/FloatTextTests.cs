using System.Text;
using Engine.Events.Conversion;

namespace Engine.Events.Tests.Conversion;

public sealed class FloatTextTests
{
    // Inputs are to_jsonb's numeric text of a double precision; outputs are json_build_object's (float8out) text.
    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "1e+300")]
    [InlineData("0.0000001", "1e-07")]
    [InlineData("123456789012345680", "1.2345678901234568e+17")]
    [InlineData("100000000000000", "100000000000000")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("0", "0")]
    public void TryFormat_JsonbNumber_MatchesFloat8Out(string input, string expected)
    {
        var destination = new byte[FloatText.MaxLength];

        Assert.True(FloatText.TryFormat(Encoding.UTF8.GetBytes(input), destination, out var written));

        Assert.Equal(expected, Encoding.UTF8.GetString(destination, 0, written));
    }
}
