using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class IdentifiersFitPostgresTests
{
    [Fact]
    public void Check_LongestNamesThatFit_Accepts() =>
        Check.Valid(Check.Resource(Resource("A" + new string('b', 62), Field("c" + new string('d', 59)))));

    [Fact]
    public void Check_TableLongerThan63Bytes_RejectsAtName()
    {
        var name = "A" + string.Concat(Enumerable.Repeat("Bc", 30));

        Check.OneError(Check.Resource(Resource(name)), "name", "bytes long", "at most 63");
    }

    [Fact]
    public void Check_ForeignKeyColumnLongerThan63Bytes_RejectsAtFieldName() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("c" + new string('d', 60), "Customer")), Resource("Customer")),
            "fields[0].name", "_id'", "at most 63");

    [Fact]
    public void Check_JoinTableLongerThan63Bytes_RejectsAtFieldName()
    {
        var owner = "A" + new string('a', 39);
        var field = "b" + new string('b', 24);

        Check.OneError(Check.Resource(Resource(owner, ToMany(field, "Tag")), Resource("Tag")),
            "fields[0].name", $"'{owner.ToLowerInvariant()}_{field}'", "join table");
    }
}
