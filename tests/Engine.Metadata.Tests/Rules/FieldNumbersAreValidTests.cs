using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class FieldNumbersAreValidTests
{
    [Fact]
    public void Check_AssignedNumbers_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", Field("title") with { Number = 4 }, Field("body") with { Number = 7 }, Field("slug"))));

    [Theory]
    [InlineData(2, "1 to 3")]
    [InlineData(536_870_912, "536870911")]
    [InlineData(19_500, "reserves")]
    public void Check_UnusableNumber_RejectsAtNumber(int number, string mention) =>
        Check.OneError(Check.Resource(Resource("Post", Field("title") with { Number = number })), "fields[0].number", $"{number}", mention);

    [Fact]
    public void Check_RepeatedNumber_RejectsTheRepeat() =>
        Check.OneError(Check.Resource(Resource("Post", Field("title") with { Number = 4 }, Field("body") with { Number = 4 })),
            "fields[1].number", "already used by 'title'");
}
