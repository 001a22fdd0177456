using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class IndexesAreDistinctTests
{
    [Fact]
    public void Check_SameFieldsDifferentUniqueness_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Field("status")) with
        {
            Indexes = [new IndexDefinition { Fields = ["status"] }, new IndexDefinition { Fields = ["status"], Unique = true }],
        }));

    [Fact]
    public void Check_RepeatedIndex_RejectsTheRepeat() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("status"), Field("notes")) with
        {
            Indexes = [new IndexDefinition { Fields = ["status", "notes"] }, new IndexDefinition { Fields = ["notes"] }, new IndexDefinition { Fields = ["status", "notes"] }],
        }), "indexes[2]", "repeats indexes[0]");
}
