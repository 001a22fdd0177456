using Engine.Metadata.Definitions;
using Engine.MetadataStore.Store;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

public class FieldNumberingTests
{
    [Fact]
    public void Number_NewResource_StartsAtFour()
    {
        var result = FieldNumbering.Number(Resource("Post", Field("a", FieldTypes.String), Field("b", FieldTypes.Int)), null, []);

        Assert.Equal([4, 5], result.Definition.Fields.Select(f => f.Number!.Value));
        Assert.Equal([new FieldNumber(4, "a"), new FieldNumber(5, "b")], result.NewNumbers);
    }

    [Fact]
    public void Number_ExistingFields_KeepTheirNumbersByName()
    {
        var current = Resource("Post", Field("a", FieldTypes.String) with { Number = 4 }, Field("b", FieldTypes.Int) with { Number = 5 });

        var result = FieldNumbering.Number(
            Resource("Post", Field("b", FieldTypes.Long), Field("c", FieldTypes.Int), Field("a", FieldTypes.String)),
            current,
            [new FieldNumber(4, "a"), new FieldNumber(5, "b")]);

        Assert.Equal([5, 6, 4], result.Definition.Fields.Select(f => f.Number!.Value));
        Assert.Equal([new FieldNumber(6, "c")], result.NewNumbers);
    }

    [Fact]
    public void Number_AfterRemovedField_NeverReusesItsNumber()
    {
        var current = Resource("Post", Field("a", FieldTypes.String) with { Number = 4 });

        var result = FieldNumbering.Number(
            Resource("Post", Field("a", FieldTypes.String), Field("b", FieldTypes.Int)),
            current,
            [new FieldNumber(4, "a"), new FieldNumber(5, "b"), new FieldNumber(6, "gone")]);

        Assert.Equal([4, 7], result.Definition.Fields.Select(f => f.Number!.Value));
    }

    [Fact]
    public void Number_CallerNumbers_AreIgnored()
    {
        var result = FieldNumbering.Number(Resource("Post", Field("a", FieldTypes.String) with { Number = 99 }), null, []);

        Assert.Equal(4, result.Definition.Fields[0].Number);
    }

    [Fact]
    public void Number_ReachingProtobufReservedRange_SkipsIt()
    {
        var result = FieldNumbering.Number(Resource("Post", Field("a", FieldTypes.String)), null, [new FieldNumber(18_999, "old")]);

        Assert.Equal(20_000, result.Definition.Fields[0].Number);
    }
}
