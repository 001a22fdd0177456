using Engine.MetadataStore.Planning;

namespace Engine.MetadataStore.Tests.Planning;

public class SqlTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("we\"ird", "\"we\"\"ird\"")]
    public void Identifier_Name_IsQuotedWithEmbeddedQuotesDoubled(string name, string expected)
    {
        Assert.Equal(expected, SqlText.Identifier(name));
    }

    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("o'clock", "'o''clock'")]
    [InlineData("a\\b", "E'a\\\\b'")]
    [InlineData("\\'", "E'\\\\'''")]
    public void String_Value_CannotEndTheLiteralEarly(string value, string expected)
    {
        Assert.Equal(expected, SqlText.String(value));
    }

    [Fact]
    public void String_WithNul_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => SqlText.String("a\0b"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("-0.5")]
    [InlineData("1e10")]
    public void Number_JsonNumber_IsKept(string text)
    {
        Assert.Equal(text, SqlText.Number(text));
    }

    [Theory]
    [InlineData("1 OR 1=1")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("1;")]
    public void Number_NotANumber_IsRejected(string text)
    {
        Assert.Throws<ArgumentException>(() => SqlText.Number(text));
    }
}
