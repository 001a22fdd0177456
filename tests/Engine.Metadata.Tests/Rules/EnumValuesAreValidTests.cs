using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class EnumValuesAreValidTests
{
    [Fact]
    public void Check_UpperSnakeValues_Accepts() => Check.Valid(Check.Resource(Resource("Task", Enum("state", "TO_DO", "IN_PROGRESS", "DONE2"))));

    [Fact]
    public void Check_NoValues_RejectsAtValues() =>
        Check.OneError(Check.Resource(Resource("Task", Field("state", FieldTypes.Enum))), "fields[0].values", "non-empty 'values'");

    [Fact]
    public void Check_EmptyValues_RejectsAtValues() =>
        Check.OneError(Check.Resource(Resource("Task", Enum("state"))), "fields[0].values", "non-empty 'values'");

    [Theory]
    [InlineData("done")]
    [InlineData("1ST")]
    [InlineData("IN PROGRESS")]
    public void Check_MalformedValue_RejectsAtThatValue(string value) =>
        Check.OneError(Check.Resource(Resource("Task", Enum("state", "OPEN", value))), "fields[0].values[1]", $"'{value}'", "upper-case");

    [Fact]
    public void Check_RepeatedValue_RejectsTheRepeat() =>
        Check.OneError(Check.Resource(Resource("Task", Enum("state", "OPEN", "DONE", "OPEN"))), "fields[0].values[2]", "'OPEN'", "twice");
}
