using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class ProtoRequestFieldsDoNotClashTests
{
    [Fact]
    public void Check_OrdinaryNames_Accepts() => Check.Valid(Check.Resource(Resource("Typewriter")));

    [Theory]
    [InlineData("UpdateMask", "update_mask")]
    [InlineData("Type", "'type'")]
    [InlineData("UpdatedFields", "updated_fields")]
    public void Check_NameTakenByAGeneratedMessageField_RejectsAtName(string name, string expected) =>
        Check.OneError(Check.Resource(Resource(name)), "name", expected, "choose another name");

    [Fact]
    public void Check_PluralTakenByListResponseField_RejectsAtPlural() =>
        Check.OneError(Check.Resource(Resource("Total") with { Plural = "TotalSize" }), "plural", "total_size", "ListTotalSizeResponse");
}
