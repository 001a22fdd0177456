using Engine.MetadataStore.Principals;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Principals;

[Collection(MetadataStoreCollection.Name)]
public sealed class SharedKeyStoreTests(PostgresDatabase database) : StoreTestBase(database)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly SharedKeyStore keys = new(database.DataSource);

    [Fact]
    public async Task EnsureCurrentAsync_ConcurrentPods_CreateOneKey()
    {
        var purpose = UniqueNames.Resource("purpose");
        var created = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => keys.EnsureCurrentAsync(purpose, null, Retention, () =>
        {
            Interlocked.Increment(ref created);
            return NewKey(purpose);
        }, CancellationToken.None)));

        Assert.Equal(1, created);
        Assert.Single(results.Select(r => Assert.Single(r).KeyId).Distinct());
        Assert.All(results, r => Assert.Equal(purpose, r[0].Purpose));
    }

    [Fact]
    public async Task EnsureCurrentAsync_CurrentKeyYoungerThanMaxAge_KeepsIt()
    {
        var purpose = UniqueNames.Resource("purpose");
        var first = await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);

        var again = await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);

        Assert.Equal(first[0].KeyId, Assert.Single(again).KeyId);
    }

    [Fact]
    public async Task EnsureCurrentAsync_CurrentKeyOlderThanMaxAge_AddsNewestFirstAndKeepsPrevious()
    {
        var purpose = UniqueNames.Resource("purpose");
        var old = (await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None))[0];
        await AgeAsync(purpose, TimeSpan.FromDays(91));

        var rotated = await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);

        Assert.Equal(2, rotated.Count);
        Assert.NotEqual(old.KeyId, rotated[0].KeyId);
        Assert.Equal(old.KeyId, rotated[1].KeyId);
        Assert.Equal(rotated.Select(k => k.KeyId), (await keys.ListAsync(purpose, CancellationToken.None)).Select(k => k.KeyId));
    }

    [Fact]
    public async Task EnsureCurrentAsync_SuccessorOlderThanRetention_DeletesPreviousKey()
    {
        var purpose = UniqueNames.Resource("purpose");
        await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);
        await AgeAsync(purpose, TimeSpan.FromDays(91));
        var rotated = await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);

        // Both keys age by two days: the successor is now older than the retention, so nothing the old key signed is valid.
        await AgeAsync(purpose, TimeSpan.FromDays(2));
        var pruned = await keys.EnsureCurrentAsync(purpose, TimeSpan.FromDays(90), Retention, () => NewKey(purpose), CancellationToken.None);

        Assert.Equal(rotated[0].KeyId, Assert.Single(pruned).KeyId);
    }

    private static StoredKey NewKey(string purpose) =>
        new(purpose, Guid.NewGuid().ToString("N"), "pem", DateTimeOffset.UtcNow);

    private Task AgeAsync(string purpose, TimeSpan by) =>
        Database.ScalarAsync("UPDATE engine_meta.signing_keys SET created_at = created_at - $2::interval WHERE purpose = $1", purpose, by);
}
