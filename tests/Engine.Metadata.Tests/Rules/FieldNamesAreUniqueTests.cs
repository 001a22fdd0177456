using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class FieldNamesAreUniqueTests
{
    [Fact]
    public void Check_DistinctNames_Accepts() => Check.Valid(Check.Resource(Resource("Post", Field("title"), Field("body"))));

    [Fact]
    public void Check_RepeatedName_RejectsTheSecond() =>
        Check.OneError(Check.Resource(Resource("Post", Field("title"), Field("body"), Field("title"))), "fields[2].name", "'title'", "fields[0]");
}
