using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class FieldTypeIsKnownTests
{
    [Fact]
    public void Check_EveryKnownType_Accepts()
    {
        var fields = FieldTypes.All.Where(t => t is not (FieldTypes.Relation or FieldTypes.Enum))
            .Select(t => Field("f" + t, t))
            .Append(Enum("kind", "A"))
            .Append(ToOne("owner", "Post"));

        Check.Valid(Check.Resource(Resource("Post", [.. fields])));
    }

    [Fact]
    public void Check_UnknownType_RejectsAtTypeListingKnownTypes() =>
        Check.OneError(Check.Resource(Resource("Post", Field("title"), Field("body", "Text"))), "fields[1].type", "'Text'", "Boolean, ", ", String");

    [Fact]
    public void Check_WrongCase_SuggestsTheType() =>
        Check.OneError(Check.Resource(Resource("Post", Field("title", "string"))), "fields[0].type", "did you mean 'String'");

    [Fact]
    public void Check_MissingType_RejectsAtType() =>
        Check.OneError(Check.Resource(Resource("Post", Field("title", ""))), "fields[0].type", "no type");
}
