using System.Text.Json;
using Engine.IntegrationTests.Subscriptions;
using Engine.Testing;

namespace Engine.IntegrationTests.Access.Protocols.Subscriptions;

/// <summary>
/// SPEC §6 for GraphQL subscriptions: the WebSocket's caller comes from the upgrade request's <c>Authorization</c> header
/// or from <c>connection_init</c>'s payload (a bad token closes the socket with 4403); each subscriber gets only the
/// events of rows it may read, with the fields it may read.
/// </summary>
public sealed class SubscriptionRoleAccessTests(SubscriptionEngine engine) : IClassFixture<SubscriptionEngine>
{
    [Fact]
    public async Task Subscribe_TokenInConnectionInit_DeliversOnlyReadableRowsWithReadableUpdatedFields()
    {
        var name = await DefineAsync();
        var token = await RoleTokens.CreateAsync(engine.Http, ["member"], new Dictionary<string, string> { ["tenant"] = "acme" });
        using var client = await WsTestClient.ConnectAsync(engine.WebSocketUri);
        await client.SendAsync($$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{token}}}"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await client.ReceiveTextAsync());
        await client.SubscribeAsync("s", $"subscription {{ {Camel(name)} {{ mutation updatedFields node {{ id title }} }} }}");
        await engine.WaitForSubscribersAsync(name);

        await CreateAsync(name, "other", "globex");
        var mine = await CreateAsync(name, "mine", "acme");
        await engine.QueryAsync($$"""mutation { update{{name}}(where: { id: "{{mine}}" }, data: { secret: "hidden change" }) { id } }""");
        await engine.QueryAsync($$"""mutation { update{{name}}(where: { id: "{{mine}}" }, data: { title: "renamed", secret: "again" }) { id } }""");

        var created = Payload(await client.ReceiveAsync(), name);
        var updated = Payload(await client.ReceiveAsync(), name);
        Assert.Equal("CREATED", created.GetProperty("mutation").GetString());
        Assert.Equal(mine, created.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("UPDATED", updated.GetProperty("mutation").GetString());
        Assert.Equal(["title"], updated.GetProperty("updatedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("renamed", updated.GetProperty("node").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Subscribe_TokenInUpgradeHeader_CanSubscribeButNotSelectHiddenFields()
    {
        var name = await DefineAsync();
        var token = await RoleTokens.CreateAsync(engine.Http, ["member"], new Dictionary<string, string> { ["tenant"] = "acme" });
        using var client = await WsTestClient.ConnectAndInitAsync(engine.WebSocketUri, $"Bearer {token}");

        await client.SubscribeAsync("s", $"subscription {{ {Camel(name)} {{ previousValues {{ secret }} }} }}");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Contains("Cannot query field \"secret\"", error.GetProperty("payload")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Subscribe_AnonymousWithoutGrant_HasNoSuchSubscriptionField()
    {
        var name = await DefineAsync();
        using var client = await WsTestClient.ConnectAndInitAsync(engine.WebSocketUri);

        await client.SubscribeAsync("s", $"subscription {{ {Camel(name)} {{ mutation }} }}");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Contains("subscription", error.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConnectionInit_AuthTokenOfAnotherRole_UsesThatCaller()
    {
        var name = await DefineAsync();
        var token = await RoleTokens.CreateAsync(engine.Http, ["member"], new Dictionary<string, string> { ["tenant"] = "acme" });
        using var client = await WsTestClient.ConnectAsync(engine.WebSocketUri);
        await client.SendAsync($$$"""{"type":"connection_init","payload":{"authToken":"{{{token}}}"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await client.ReceiveTextAsync());

        await client.SubscribeAsync("s", $"subscription {{ {Camel(name)} {{ mutation }} }}");
        await engine.WaitForSubscribersAsync(name);
        await CreateAsync(name, "mine", "acme");

        Assert.Equal("CREATED", Payload(await client.ReceiveAsync(), name).GetProperty("mutation").GetString());
    }

    [Fact]
    public async Task ConnectionInit_InvalidToken_ClosesWith4403()
    {
        using var client = await WsTestClient.ConnectAsync(engine.WebSocketUri);

        await client.SendAsync("""{"type":"connection_init","payload":{"Authorization":"Bearer not-a-token"}}""");

        Assert.Equal(4403, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Upgrade_InvalidTokenHeader_ClosesWith4403()
    {
        using var client = await WsTestClient.ConnectAsync(engine.WebSocketUri, authorization: "Bearer not-a-token");

        Assert.Equal(4403, await client.ReceiveCloseAsync());
    }

    private static JsonElement Payload(JsonElement message, string name)
    {
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        return message.GetProperty("payload").GetProperty("data").GetProperty(Camel(name));
    }

    private Task<string> DefineAsync() => TenantOwnedResource.DefineAsync("Subscribed", engine.DefineAsync);

    private Task<string> CreateAsync(string name, string title, string owner) =>
        TenantOwnedResource.CreateAsync(query => engine.QueryAsync(query), name, title, owner);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
