using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class FieldNameIsCamelCaseTests
{
    [Fact]
    public void Check_CamelCaseName_Accepts() => Check.Valid(Check.Resource(Resource("Invoice", Field("issuedOn", FieldTypes.Date))));

    [Theory]
    [InlineData("IssuedOn")]
    [InlineData("issued_on")]
    [InlineData("1st")]
    public void Check_NotCamelCase_RejectsAtFieldName(string name) =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("notes"), Field(name))), "fields[1].name", $"'{name}'", "camelCase");
}
