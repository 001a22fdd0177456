using Engine.Metadata.Definitions;
using Engine.Testing;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

[Collection(MetadataStoreCollection.Name)]
public class MetadataStoreDeleteTests(PostgresDatabase database) : StoreTestBase(database)
{
    private Task<ChangeResult> DeleteAsync(string name, bool force = false) =>
        Store.ApplyAsync(new DeleteResource(name) { Author = Author, Force = force }, CancellationToken.None);

    [Fact]
    public async Task ApplyAsync_DeleteEmptyResource_DropsTableAndRecordsIt()
    {
        var name = UniqueNames.Resource("Empty");
        await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        var result = await DeleteAsync(name);

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.False(await TableExistsAsync(TableOf(name)));
        Assert.Null(result.Metadata!.Resource(name));
        Assert.Equal($"deleted {name}", (await Store.HistoryAsync(1, CancellationToken.None))[0].Summary);
    }

    [Fact]
    public async Task ApplyAsync_DeleteWithRows_ConflictsUnlessForced()
    {
        var name = UniqueNames.Resource("Full");
        await PutAsync(Resource(name, Field("title", FieldTypes.String)));
        await InsertRowAsync(TableOf(name));

        var refused = await DeleteAsync(name);
        Assert.Equal(ChangeStatus.Conflict, refused.Status);
        Assert.True(await TableExistsAsync(TableOf(name)));

        var forced = await DeleteAsync(name, force: true);

        Assert.Equal(ChangeStatus.Applied, forced.Status);
        Assert.False(await TableExistsAsync(TableOf(name)));
    }

    [Fact]
    public async Task ApplyAsync_DeleteRelatedResource_ConflictsUnlessForcedThenRemovesTheRelation()
    {
        var target = UniqueNames.Resource("Owner");
        var source = UniqueNames.Resource("Pet");
        await PutAsync(Resource(target, Field("name", FieldTypes.String)));
        await PutAsync(Resource(source, Field("name", FieldTypes.String), ToOne("owner", target)));

        var refused = await DeleteAsync(target);
        Assert.Equal(ChangeStatus.Conflict, refused.Status);
        Assert.Contains($"{source}.owner", refused.Message, StringComparison.Ordinal);

        var forced = await DeleteAsync(target, force: true);

        Assert.Equal(ChangeStatus.Applied, forced.Status);
        Assert.False(await TableExistsAsync(TableOf(target)));
        Assert.False((await ColumnsAsync(TableOf(source))).ContainsKey("owner_id"));
        var pet = (await Store.LoadAsync(CancellationToken.None)).Resource(source)!;
        Assert.Equal(["name"], pet.Definition.Fields.Select(f => f.Name));
        Assert.Equal($"deleted {target}; {source} removed fields owner", (await Store.HistoryAsync(1, CancellationToken.None))[0].Summary);
    }

    [Fact]
    public async Task ApplyAsync_DeleteUnknownResource_IsNotFound()
    {
        var result = await DeleteAsync(UniqueNames.Resource("Missing"));

        Assert.Equal(ChangeStatus.NotFound, result.Status);
    }
}
