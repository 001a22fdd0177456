using Engine.MetadataStore.Principals;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Principals;

[Collection(MetadataStoreCollection.Name)]
public sealed class ConsentStoreTests(PostgresDatabase database) : StoreTestBase(database)
{
    private readonly PrincipalStore principals = new(database.DataSource);
    private readonly ConsentStore consents = new(database.DataSource);

    [Fact]
    public async Task FindAsync_NeverGranted_ReturnsNull()
    {
        var (userId, clientId) = await UserAndClientAsync();

        Assert.Null(await consents.FindAsync(userId, clientId, CancellationToken.None));
    }

    [Fact]
    public async Task GrantAsync_Twice_UnitesTheScopes()
    {
        var (userId, clientId) = await UserAndClientAsync();

        await consents.GrantAsync(userId, clientId, ["openid", "profile"], CancellationToken.None);
        await consents.GrantAsync(userId, clientId, ["offline_access", "openid"], CancellationToken.None);

        Assert.Equal(["offline_access", "openid", "profile"], await consents.FindAsync(userId, clientId, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteClientAsync_WithConsent_ForgetsTheConsent()
    {
        var (userId, clientId) = await UserAndClientAsync();
        await consents.GrantAsync(userId, clientId, ["openid"], CancellationToken.None);

        await principals.DeleteClientAsync(clientId, CancellationToken.None);
        await principals.SaveClientAsync(Client(clientId), replace: false, CancellationToken.None);

        Assert.Null(await consents.FindAsync(userId, clientId, CancellationToken.None));
    }

    private async Task<(Guid UserId, string ClientId)> UserAndClientAsync()
    {
        var user = new StoredUser(Guid.NewGuid(), UniqueNames.Resource("user"), "hash", [], new Dictionary<string, string>(), false);
        var clientId = UniqueNames.Resource("client");
        await principals.SaveUserAsync(user, replace: false, CancellationToken.None);
        await principals.SaveClientAsync(Client(clientId), replace: false, CancellationToken.None);
        return (user.Id, clientId);
    }

    private static StoredClient Client(string clientId) => new(clientId, null, [], new Dictionary<string, string>(), []);
}
