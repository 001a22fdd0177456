using System.Net.Http.Json;
using System.Text.Json;
using Engine.Runtime.Events;
using Engine.Testing;

namespace Engine.GraphQL.Tests.Subscriptions;

public sealed class GraphQLWebSocketHandlerTests : IAsyncLifetime
{
    private static readonly Guid RecordId = Guid.Parse("0192f0c1-0000-7000-8000-000000000002");

    private WebSocketServer server = null!;

    public async Task InitializeAsync() => server = await WebSocketServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task HandleAsync_ConnectionInitAndPing_AcknowledgesAndPongs()
    {
        using var client = await WsTestClient.ConnectAsync(server.WebSocketUri);
        Assert.Equal("graphql-transport-ws", client.SubProtocol);

        await client.SendAsync("""{"type":"connection_init","payload":{"token":"x"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await client.ReceiveTextAsync());
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await client.ReceiveTextAsync());
        await client.SendAsync("""{"type":"pong"}""");
        await client.SendAsync("""{"type":"ping","payload":{}}""");
        Assert.Equal("""{"type":"pong"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task HandleAsync_SubscriptionThenComplete_DeliversMatchingEventsUntilCompleted()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("s1", "subscription ($kinds: [MutationType!]) { post(where: { mutation_in: $kinds }) { mutation updatedFields } }",
            """{"kinds": ["UPDATED"]}""");
        await server.Feed.WaitForSubscribersAsync("Post");

        server.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Created, RecordId, "{}"));
        server.Feed.Publish(InMemoryRecordEventFeed.PostEvent(RecordAction.Updated, RecordId, "{}", "{}", "views"));

        Assert.Equal("""{"id":"s1","type":"next","payload":{"data":{"post":{"mutation":"UPDATED","updatedFields":["views"]}}}}""",
            await client.ReceiveTextAsync());
        await client.SendAsync("""{"id":"s1","type":"complete"}""");
        await WaitUntilAsync(() => server.Feed.SubscriberCount("Post") == 0);
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task HandleAsync_QueryAndMutationThroughSubscribe_RunOnceWithNextAndComplete()
    {
        server.Plans.Returns("posts", """[{"id":"1"}]""").Returns("deletePost", """{"id":"1"}""");
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SubscribeAsync("q", "{ posts { id } }");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"posts":[{"id":"1"}]}}}""", await client.ReceiveTextAsync());
        Assert.Equal("""{"id":"q","type":"complete"}""", await client.ReceiveTextAsync());
        await client.SubscribeAsync("q", """mutation { deletePost(where: { slug: "a" }) { id } }""");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"deletePost":{"id":"1"}}}}""", await client.ReceiveTextAsync());
        Assert.Equal("""{"id":"q","type":"complete"}""", await client.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("subscription { post { nope } }", "Cannot query field \"nope\" on type \"PostSubscriptionPayload\".")]
    [InlineData("subscription { comment { mutation } }", "Cannot query field \"comment\" on type \"Subscription\".")]
    [InlineData("subscription { post { mutation } ", "Syntax error")]
    [InlineData("subscription { post { mutation } author { mutation } }", "must select only one top level field")]
    public async Task HandleAsync_InvalidDocument_SendsErrorWithLocations(string query, string message)
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SubscribeAsync("bad", query);

        var reply = await client.ReceiveAsync();
        Assert.Equal("error", reply.GetProperty("type").GetString());
        Assert.Equal("bad", reply.GetProperty("id").GetString());
        var error = reply.GetProperty("payload")[0];
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("locations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task HandleAsync_InvalidWhere_SendsErrorsNamingTheInputPaths()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SubscribeAsync("w", "subscription ($w: PostSubscriptionWhereInput) { post(where: $w) { mutation } }",
            """{"w": {"node": {"author": {"name": "x"}, "views_gt": "many"}}}""");

        var reply = await client.ReceiveAsync();
        Assert.Equal("error", reply.GetProperty("type").GetString());
        var fields = reply.GetProperty("payload").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("field").GetString()).ToArray();
        Assert.Contains("w.node.views_gt", fields);
    }

    [Fact]
    public async Task HandleAsync_RelationFilterInNode_SendsBadUserInputNamingThePath()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SubscribeAsync("r", """subscription { post(where: { node: { author: { name: "x" } } }) { mutation } }""");

        var reply = await client.ReceiveAsync();
        Assert.Equal("error", reply.GetProperty("type").GetString());
        var error = Assert.Single(reply.GetProperty("payload").EnumerateArray());
        Assert.Equal("where.node.author", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal(0, server.Feed.SubscriberCount("Post"));
    }

    [Fact]
    public async Task HandleAsync_FeedDropsTheSubscriber_SendsAnErrorForThatSubscriptionOnly()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("a", "subscription { post { mutation } }");
        await client.SubscribeAsync("b", "subscription { author { mutation } }");
        await server.Feed.WaitForSubscribersAsync("Post");
        await server.Feed.WaitForSubscribersAsync("Author");

        server.Feed.Fail("Post", new SubscriberTooSlowException("Post"));

        var reply = await client.ReceiveAsync();
        Assert.Equal("a", reply.GetProperty("id").GetString());
        Assert.Equal("error", reply.GetProperty("type").GetString());
        server.Feed.Publish(new RecordEvent(Guid.NewGuid(), "Author", RecordAction.Created, RecordId, DateTimeOffset.UtcNow, "{}"u8.ToArray(), null, []));
        Assert.Equal("""{"id":"b","type":"next","payload":{"data":{"author":{"mutation":"CREATED"}}}}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task HandleAsync_DuplicateId_ClosesWith4409()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);
        await client.SubscribeAsync("same", "subscription { post { mutation } }");

        await client.SubscribeAsync("same", "subscription { post { mutation } }");

        Assert.Equal(4409, await client.ReceiveCloseAsync());
        Assert.Equal("Subscriber for same already exists", client.CloseReason);
        await WaitUntilAsync(() => server.Feed.SubscriberCount("Post") == 0);
    }

    [Fact]
    public async Task HandleAsync_SubscribeBeforeAck_ClosesWith4401()
    {
        using var client = await WsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("1", "subscription { post { mutation } }");

        Assert.Equal(4401, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task HandleAsync_SecondConnectionInit_ClosesWith4429()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal(4429, await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("{not json", "not JSON")]
    [InlineData("""{"type":"start","id":"1"}""", "unknown type \"start\"")]
    [InlineData("""["connection_init"]""", "expected an object with a string type")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ _version }"}}""", "subscribe needs a non-empty string id")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""", "subscribe needs a payload with a string query")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ _version }","variables":[1]}}""", "variables an object")]
    public async Task HandleAsync_MalformedMessage_ClosesWith4400AndSaysWhy(string frame, string reason)
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SendAsync(frame);

        Assert.Equal(4400, await client.ReceiveCloseAsync());
        Assert.Contains(reason, client.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_MessageOverTheSizeLimit_ClosesWith1009()
    {
        await using var small = await WebSocketServer.StartAsync(maxRequestBytes: 64);
        using var client = await WsTestClient.ConnectAndInitAsync(small.WebSocketUri);

        await client.SubscribeAsync("big", "subscription { post { mutation node { id title slug views rating price sequence state } } }");

        Assert.Equal(1009, await client.ReceiveCloseAsync());
        Assert.Contains("limit of 64 bytes", client.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BinaryFrame_ClosesWith4400()
    {
        using var client = await WsTestClient.ConnectAndInitAsync(server.WebSocketUri);

        await client.SendBinaryAsync([1, 2, 3]);

        Assert.Equal(4400, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task HandleAsync_NoSubprotocol_ClosesWith4406()
    {
        using var client = await WsTestClient.ConnectAsync(server.WebSocketUri, subprotocol: null);

        Assert.Equal(4406, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task HandleAsync_NoConnectionInitInTime_ClosesWith4408()
    {
        await using var quick = await WebSocketServer.StartAsync(initTimeoutMilliseconds: 200);
        using var client = await WsTestClient.ConnectAsync(quick.WebSocketUri);

        Assert.Equal(4408, await client.ReceiveCloseAsync());
        Assert.Equal("Connection initialisation timeout", client.CloseReason);
    }

    [Fact]
    public async Task HandleAsync_NoEventFeed_SubscriptionGetsAnErrorAndQueriesStillWork()
    {
        await using var noFeed = await WebSocketServer.StartAsync(withFeed: false);
        using var client = await WsTestClient.ConnectAndInitAsync(noFeed.WebSocketUri);

        await client.SubscribeAsync("s", "subscription { post { mutation } }");
        var reply = await client.ReceiveAsync();
        Assert.Equal("error", reply.GetProperty("type").GetString());
        Assert.Equal("UNAVAILABLE", reply.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await client.SubscribeAsync("q", "{ _version }");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"_version":"7"}}}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task PostSubscription_OverHttp_SaysSubscriptionsNeedTheWebSocket()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(server.HttpUri, new { query = "subscription { post { mutation } }" });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Contains("WebSocket (graphql-transport-ws)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out _));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
