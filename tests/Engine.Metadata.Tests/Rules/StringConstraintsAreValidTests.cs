using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class StringConstraintsAreValidTests
{
    [Theory]
    [InlineData(@"^[A-Z]{2}-\d{4}$")]
    [InlineData(@"^[^@\s]+@[^@\s]+$")]
    [InlineData(@"^(?:ab|cd)+(?=x)\.x{1,255}$")]
    [InlineData(@"^[]a]+$")]
    [InlineData(@"^(a)\1$")]
    [InlineData(@"(?<=a)b(?<!c)")]
    public void Check_PortablePattern_Accepts(string pattern) =>
        Check.Valid(Check.Resource(Resource("Invoice", Field("code") with { MaxLength = 10, Pattern = pattern })));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Check_NonPositiveMaxLength_RejectsAtMaxLength(int maxLength) =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { MaxLength = maxLength })), "fields[0].maxLength", "positive");

    [Fact]
    public void Check_MaxLengthOnInt_RejectsAtMaxLength() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("count", FieldTypes.Int) with { MaxLength = 3 })), "fields[0].maxLength", "only to String");

    [Fact]
    public void Check_PatternOnDate_RejectsAtPattern() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("day", FieldTypes.Date) with { Pattern = "^2" })), "fields[0].pattern", "only to String");

    [Fact]
    public void Check_PatternThatDoesNotCompile_RejectsAtPattern() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { Pattern = "(ab" })), "fields[0].pattern", "not a valid regular expression");

    [Fact]
    public void Check_EmptyPattern_RejectsAtPattern() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { Pattern = "" })), "fields[0].pattern", "empty");

    [Theory]
    [InlineData(@"\bword\b", @"'\b'")]
    [InlineData(@"^\p{L}+$", @"'\p'")]
    [InlineData(@"^abc\Z", @"'\Z'")]
    [InlineData(@"^(?<year>\d{4})$", "(?:...)")]
    [InlineData(@"(?i)abc", "inline options")]
    [InlineData(@"^[[:alpha:]]+$", "POSIX bracket")]
    [InlineData(@"^[a-z-[aeiou]]+$", "subtraction")]
    [InlineData(@"^a{1,300}$", "up to 255")]
    [InlineData(@"^a{b$", "literal brace")]
    [InlineData(@"^\x41$", @"'\x'")]
    public void Check_PatternPostgresReadsDifferently_RejectsAtPattern(string pattern, string mention) =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { Pattern = pattern })), "fields[0].pattern", mention);
}
