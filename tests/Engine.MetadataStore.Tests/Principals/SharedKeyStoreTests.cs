using Engine.MetadataStore.Principals;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Principals;

[Collection(MetadataStoreCollection.Name)]
public sealed class SharedKeyStoreTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact]
    public async Task GetOrCreateAsync_ConcurrentPods_CreateOneKey()
    {
        var purpose = UniqueNames.Resource("purpose");
        var created = 0;
        var keys = new SharedKeyStore(Database.DataSource);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => keys.GetOrCreateAsync(purpose, () =>
        {
            Interlocked.Increment(ref created);
            return new StoredKey("", $"kid-{i}", $"pem-{i}");
        }, CancellationToken.None)));

        Assert.Equal(1, created);
        Assert.Single(results.Select(r => r.KeyId).Distinct());
        Assert.All(results, r => Assert.Equal(purpose, r.Purpose));
    }
}
