using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class RelationCardinalityIsValidTests
{
    [Fact]
    public void Check_OneAndMany_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", ToOne("author", "User"), ToMany("tags", "Tag")), Resource("User"), Resource("Tag")));

    [Fact]
    public void Check_UnknownCardinality_RejectsAtCardinality() =>
        Check.OneError(Check.Resource(Resource("Post", ToOne("author", "User") with { Cardinality = "single" }), Resource("User")),
            "fields[0].cardinality", "'single'", "'one' or 'many'");

    [Fact]
    public void Check_MissingCardinality_RejectsAtCardinality() =>
        Check.OneError(Check.Resource(Resource("Post", ToOne("author", "User") with { Cardinality = null }), Resource("User")),
            "fields[0].cardinality", "no cardinality");
}
