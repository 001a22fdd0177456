using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Engine.Events.Feed;
using Engine.Host;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Subscriptions;

/// <summary>
/// A real engine process (Kestrel on loopback, its own PostgreSQL database, events through the outbox and the in-process
/// bus) for subscription tests, which also need to see the pod's event feed (to know when a subscription is listening).
/// </summary>
public class SubscriptionEngine : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private WebApplication? app;

    /// <summary>The engine's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The GraphQL WebSocket address, <c>ws://…/graphql</c>.</summary>
    public Uri WebSocketUri { get; private set; } = null!;

    /// <summary>A client for the engine's HTTP API.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The pod's record event feed.</summary>
    public RecordEventFeed Feed => app!.Services.GetRequiredService<RecordEventFeed>();

    /// <summary>How many events one subscription buffers before the feed drops it (<c>Events:SubscriberBuffer</c>).</summary>
    protected virtual int SubscriberBuffer => 1024;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        app = EngineApplication.Build([], builder =>
        {
            builder.Configuration["Engine:BindAddress"] = "127.0.0.1";
            builder.Configuration["Engine:HttpPort"] = "0";
            builder.Configuration["Engine:GrpcPort"] = "0";
            builder.Configuration["ConnectionStrings:Engine"] = database.ConnectionString;
            builder.Configuration["Engine:MetadataPollMilliseconds"] = "200";
            builder.Configuration[AdminAccess.SecretKey] = AdminAccess.Secret;
            builder.Configuration["Events:SubscriberBuffer"] = SubscriberBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        await app.StartAsync();
        BaseAddress = app.Services.GetRequiredService<EngineListeners>().HttpAddress!;
        WebSocketUri = new Uri($"ws://{BaseAddress.Authority}/graphql");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await AdminAccess.AuthorizeAsync(Http);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    /// <summary>PUTs a resource definition and fails the test unless it is accepted.</summary>
    public async Task DefineAsync(string name, string json)
    {
        using var response = await Http.PutAsync($"/meta/resources/{name}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"PUT /meta/resources/{name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>POSTs a GraphQL request, fails the test on errors, and returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, $"unexpected errors: {body.ToJsonString()}");
        return body["data"]!;
    }

    /// <summary>Opens a graphql-transport-ws connection with the admin token and completes its handshake.</summary>
    internal Task<WsTestClient> ConnectAsync() => WsTestClient.ConnectAndInitAsync(WebSocketUri, Http.DefaultRequestHeaders.Authorization?.ToString());

    /// <summary>The admin token's <c>Authorization</c> header value, for independent clients.</summary>
    public string Authorization => Http.DefaultRequestHeaders.Authorization?.ToString() ?? "";

    /// <summary>Waits until <paramref name="count"/> subscriptions to <paramref name="resource"/> listen on this pod.</summary>
    public async Task WaitForSubscribersAsync(string resource, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (Feed.SubscriberCount(resource) < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

/// <summary>An engine whose subscriptions buffer a single event, so any burst makes a subscriber that is not keeping up too slow.</summary>
public sealed class SlowSubscriberEngine : SubscriptionEngine
{
    /// <inheritdoc/>
    protected override int SubscriberBuffer => 1;
}
