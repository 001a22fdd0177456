using Engine.MetadataStore.Schema;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Store;

[Collection(MetadataStoreCollection.Name)]
public class MetadataStoreSchemaTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact]
    public async Task MigrateAsync_RunConcurrentlyAndAgain_AppliesEachScriptOnce()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => new VersionedMetadataStore(Database.DataSource)).ToArray();

        await Task.WhenAll(stores.Select(s => s.MigrateAsync(CancellationToken.None)));
        await Store.MigrateAsync(CancellationToken.None);

        Assert.Equal((long)StoreSchemaMigrator.Scripts().Count, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.schema_migrations"));
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.versions WHERE version = 0"));
    }

    [Fact]
    public async Task CurrentVersionAsync_AfterChange_IsTheNewVersion()
    {
        var before = await Store.CurrentVersionAsync(CancellationToken.None);

        var result = await PutAsync(Definitions.Resource(UniqueNames.Resource("Memo"), Definitions.Field("text", "String")));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.Equal(before + 1, result.Version);
        Assert.Equal(result.Version, await Store.CurrentVersionAsync(CancellationToken.None));
    }
}
