using Engine.MetadataStore.Principals;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Principals;

[Collection(MetadataStoreCollection.Name)]
public sealed class PrincipalStoreTests(PostgresDatabase database) : StoreTestBase(database)
{
    private readonly PrincipalStore principals = new(database.DataSource);

    [Fact]
    public async Task SaveClientAsync_New_IsFoundWithEveryPart()
    {
        var id = UniqueNames.Resource("client");
        var client = new StoredClient(id, "hash", ["reader"], new Dictionary<string, string> { ["tenant"] = "acme" }, ["https://x.example/cb"]);

        Assert.True(await principals.SaveClientAsync(client, replace: false, CancellationToken.None));

        var found = await principals.FindClientAsync(id, CancellationToken.None);
        Assert.Equal(client.SecretHash, found!.SecretHash);
        Assert.Equal(client.Roles, found.Roles);
        Assert.Equal("acme", found.Claims["tenant"]);
        Assert.Equal(client.RedirectUris, found.RedirectUris);
    }

    [Fact]
    public async Task SaveClientAsync_ExistingWithoutReplace_ReturnsFalse()
    {
        var client = new StoredClient(UniqueNames.Resource("client"), "hash", [], new Dictionary<string, string>(), []);
        await principals.SaveClientAsync(client, replace: false, CancellationToken.None);

        Assert.False(await principals.SaveClientAsync(client with { SecretHash = "other" }, replace: false, CancellationToken.None));
        Assert.Equal("hash", (await principals.FindClientAsync(client.ClientId, CancellationToken.None))!.SecretHash);
    }

    [Fact]
    public async Task SaveClientAsync_ReplaceWithoutSecret_KeepsStoredSecret()
    {
        var client = new StoredClient(UniqueNames.Resource("client"), "hash", ["a"], new Dictionary<string, string>(), []);
        await principals.SaveClientAsync(client, replace: false, CancellationToken.None);

        await principals.SaveClientAsync(client with { SecretHash = null, Roles = ["b"] }, replace: true, CancellationToken.None);

        var found = await principals.FindClientAsync(client.ClientId, CancellationToken.None);
        Assert.Equal("hash", found!.SecretHash);
        Assert.Equal(["b"], found.Roles);
    }

    [Fact]
    public async Task SaveUserAsync_ReplaceWithoutPassword_KeepsIdAndHash()
    {
        var user = new StoredUser(Guid.NewGuid(), UniqueNames.Resource("user"), "hash", ["x"], new Dictionary<string, string>(), false);
        await principals.SaveUserAsync(user, replace: false, CancellationToken.None);

        await principals.SaveUserAsync(user with { Id = Guid.NewGuid(), PasswordHash = "", Disabled = true }, replace: true, CancellationToken.None);

        var found = await principals.FindUserAsync(user.Username, CancellationToken.None);
        Assert.Equal(user.Id, found!.Id);
        Assert.Equal("hash", found.PasswordHash);
        Assert.True(found.Disabled);
        Assert.Equal(user.Username, (await principals.FindUserAsync(user.Id, CancellationToken.None))!.Username);
    }

    [Fact]
    public async Task DeleteUserAsync_Missing_ReturnsFalse()
    {
        Assert.False(await principals.DeleteUserAsync(UniqueNames.Resource("nobody"), CancellationToken.None));
    }
}
