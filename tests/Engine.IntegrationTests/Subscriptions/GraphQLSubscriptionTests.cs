using System.Text.Json;
using Engine.Testing;

namespace Engine.IntegrationTests.Subscriptions;

/// <summary>
/// GraphQL subscriptions end to end: mutations over HTTP commit records, the outbox triggers and the relay deliver
/// their events to the pod's feed, and a WebSocket client receives them with its filter applied.
/// </summary>
public sealed class GraphQLSubscriptionTests(SubscriptionEngine engine) : IClassFixture<SubscriptionEngine>
{
    [Fact]
    public async Task Subscribe_CreateUpdateDelete_ReceivesEachMatchingEventWithNodeAndPreviousValues()
    {
        var (writer, story) = await DefineAsync();
        var field = Camel(story);
        using var client = await engine.ConnectAsync();
        await client.SubscribeAsync("s", $$"""
            subscription { {{field}}(where: { node: { title_starts_with: "keep" } }) {
              mutation updatedFields node { id title rank author { name } } previousValues { id title rank } } }
            """);
        await engine.WaitForSubscribersAsync(story);

        var ann = (await engine.QueryAsync($$"""mutation { create{{writer}}(data: { name: "Ann" }) { id } }"""))[$"create{writer}"]!["id"]!.GetValue<string>();
        var keep = (await engine.QueryAsync($$"""
            mutation ($a: ID!) { create{{story}}(data: { title: "keep-1", rank: 1, author: { connect: { id: $a } } }) { id } }
            """, new { a = ann }))[$"create{story}"]!["id"]!.GetValue<string>();
        await engine.QueryAsync($$"""mutation { create{{story}}(data: { title: "drop-1", rank: 1 }) { id } }""");

        var created = await NextAsync(client, field);
        Assert.Equal("CREATED", created.GetProperty("mutation").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("updatedFields").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("previousValues").ValueKind);
        Assert.Equal(keep, created.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("Ann", created.GetProperty("node").GetProperty("author").GetProperty("name").GetString());

        await engine.QueryAsync($$"""mutation ($id: ID!) { update{{story}}(where: { id: $id }, data: { title: "keep-2", rank: 2 }) { id } }""", new { id = keep });
        var updated = await NextAsync(client, field);
        Assert.Equal("UPDATED", updated.GetProperty("mutation").GetString());
        var changed = updated.GetProperty("updatedFields").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("title", changed);
        Assert.Contains("rank", changed);
        Assert.Equal("keep-2", updated.GetProperty("node").GetProperty("title").GetString());
        Assert.Equal("keep-1", updated.GetProperty("previousValues").GetProperty("title").GetString());
        Assert.Equal(1, updated.GetProperty("previousValues").GetProperty("rank").GetInt32());

        await engine.QueryAsync($$"""mutation ($id: ID!) { delete{{story}}(where: { id: $id }) { id } }""", new { id = keep });
        var deleted = await NextAsync(client, field);
        Assert.Equal("DELETED", deleted.GetProperty("mutation").GetString());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("node").ValueKind);
        Assert.Equal("keep-2", deleted.GetProperty("previousValues").GetProperty("title").GetString());
        Assert.Equal(keep, deleted.GetProperty("previousValues").GetProperty("id").GetString());

        // drop-1 was committed before keep-1 changed twice, so its event was relayed long before: had the filter let it
        // through, its next message would have come before this pong.
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Subscribe_MutationAndUpdatedFieldsFilter_SkipsOtherEvents()
    {
        var (_, story) = await DefineAsync();
        var field = Camel(story);
        using var client = await engine.ConnectAsync();
        await client.SubscribeAsync("r", $$"""
            subscription ($f: String) { {{field}}(where: { mutation_in: [UPDATED], updatedFields_contains: $f }) { mutation previousValues { rank } } }
            """, """{"f": "rank"}""");
        await engine.WaitForSubscribersAsync(story);

        var id = (await engine.QueryAsync($$"""mutation { create{{story}}(data: { title: "a", rank: 1 }) { id } }"""))[$"create{story}"]!["id"]!.GetValue<string>();
        await engine.QueryAsync($$"""mutation ($id: ID!) { update{{story}}(where: { id: $id }, data: { title: "b" }) { id } }""", new { id });
        await engine.QueryAsync($$"""mutation ($id: ID!) { update{{story}}(where: { id: $id }, data: { rank: 5 }) { id } }""", new { id });

        // Events of one record arrive in commit order, so the first one received proves the earlier two were filtered out.
        var first = await NextAsync(client, field);
        Assert.Equal("UPDATED", first.GetProperty("mutation").GetString());
        Assert.Equal(1, first.GetProperty("previousValues").GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Subscribe_ResourceRemoved_EndsWithAnError()
    {
        var (_, story) = await DefineAsync();
        using var client = await engine.ConnectAsync();
        await client.SubscribeAsync("gone", $"subscription {{ {Camel(story)} {{ mutation }} }}");
        await engine.WaitForSubscribersAsync(story);

        using var response = await engine.Http.DeleteAsync($"/meta/resources/{story}?force=true");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var message = await client.ReceiveAsync();
        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal("gone", message.GetProperty("id").GetString());
        Assert.Equal("NOT_FOUND", message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task CheckSubscription_GraphqlWsNpmClient_ReceivesFilteredCreateUpdateDelete()
    {
        var (_, story) = await DefineAsync();

        var (exitCode, output) = await Support.NodeClient.RunAsync("graphql-ws", "check-subscription.mjs",
            engine.WebSocketUri.ToString(), new Uri(engine.BaseAddress, "/graphql").ToString(), story, engine.Authorization);

        Assert.True(exitCode == 0, output);
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("ok   ", output, StringComparison.Ordinal);
    }

    /// <summary>Defines a writer and a story (title, rank, optional author) and returns their names.</summary>
    private async Task<(string Writer, string Story)> DefineAsync()
    {
        var writer = UniqueNames.Resource("Writer");
        var story = UniqueNames.Resource("Story");
        await engine.DefineAsync(writer, $$"""{ "name": "{{writer}}", "fields": [ { "name": "name", "type": "String", "required": true } ] }""");
        await engine.DefineAsync(story, $$"""
            { "name": "{{story}}", "fields": [
              { "name": "title", "type": "String", "required": true },
              { "name": "rank", "type": "Int" },
              { "name": "author", "type": "Relation", "target": "{{writer}}", "cardinality": "one", "onDelete": "SET_NULL" }
            ] }
            """);
        return (writer, story);
    }

    /// <summary>The next <c>next</c> message's payload value of <paramref name="field"/>; fails on anything else.</summary>
    private static async Task<JsonElement> NextAsync(WsTestClient client, string field)
    {
        var message = await client.ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", message.GetRawText());
        var payload = message.GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out _), message.GetRawText());
        return payload.GetProperty("data").GetProperty(field);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
