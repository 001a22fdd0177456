using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class PluralIsValidTests
{
    [Fact]
    public void Check_PascalCasePlural_Accepts() => Check.Valid(Check.Resource(Resource("Person") with { Plural = "People" }));

    [Fact]
    public void Check_LowerCasePlural_RejectsAtPlural() =>
        Check.OneError(Check.Resource(Resource("Post") with { Plural = "posts" }), "plural", "'posts'", "PascalCase");

    [Fact]
    public void Check_PluralSameAsName_RejectsAtPlural() =>
        Check.OneError(Check.Resource(Resource("Sheep") with { Plural = "Sheep" }), "plural", "same as the resource name");
}
