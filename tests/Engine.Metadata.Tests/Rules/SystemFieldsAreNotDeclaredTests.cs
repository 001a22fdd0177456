using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class SystemFieldsAreNotDeclaredTests
{
    [Fact]
    public void Check_OrdinaryField_Accepts() => Check.Valid(Check.Resource(Resource("Post", Field("publishedAt", FieldTypes.DateTime))));

    [Theory]
    [InlineData("id")]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    public void Check_SystemFieldDeclared_RejectsAtFieldName(string name) =>
        Check.OneError(Check.Resource(Resource("Post", Field(name, FieldTypes.DateTime))), "fields[0].name", $"'{name}'", "system field");
}
