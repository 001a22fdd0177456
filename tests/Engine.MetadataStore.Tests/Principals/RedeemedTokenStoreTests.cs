using Engine.MetadataStore.Principals;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Principals;

[Collection(MetadataStoreCollection.Name)]
public sealed class RedeemedTokenStoreTests(PostgresDatabase database) : StoreTestBase(database)
{
    private readonly RedeemedTokenStore redeemed = new(database.DataSource);

    [Fact]
    public async Task TryRedeemAsync_ConcurrentRedemptionsOfOneToken_OnlyOneSucceeds()
    {
        var tokenId = Guid.NewGuid().ToString();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            redeemed.TryRedeemAsync(tokenId, DateTimeOffset.UtcNow.AddMinutes(2), CancellationToken.None)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task PurgeExpiredAsync_ExpiredAndLiveIds_ForgetsOnlyTheExpired()
    {
        var expired = Guid.NewGuid().ToString();
        var live = Guid.NewGuid().ToString();
        await redeemed.TryRedeemAsync(expired, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        await redeemed.TryRedeemAsync(live, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);

        Assert.True(await redeemed.PurgeExpiredAsync(CancellationToken.None) >= 1);

        Assert.True(await redeemed.TryRedeemAsync(expired, DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));
        Assert.False(await redeemed.TryRedeemAsync(live, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task IsGrantRevokedAsync_AfterRevokeGrant_IsTrueOnlyForThatGrant()
    {
        var grant = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");

        await redeemed.RevokeGrantAsync(grant, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);

        Assert.True(await redeemed.IsGrantRevokedAsync(grant, CancellationToken.None));
        Assert.False(await redeemed.IsGrantRevokedAsync(other, CancellationToken.None));
    }
}
