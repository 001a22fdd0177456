using Engine.GraphQL.Http;
using Engine.GraphQL.Tests.Execution;
using Engine.GraphQL.Tests.Http;
using Engine.Query.Execution;
using Engine.Runtime;
using Engine.Runtime.Context;
using Engine.Runtime.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Tests.Subscriptions;

/// <summary>
/// Kestrel on a loopback port serving the GraphQL endpoint (HTTP and WebSocket) over the planning fixture's model, a
/// recording plan executor and an in-memory event feed, so the protocol is tested over a real WebSocket.
/// </summary>
internal sealed class WebSocketServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebSocketServer(WebApplication app, RecordingPlanExecutor plans, InMemoryRecordEventFeed feed)
    {
        this.app = app;
        Plans = plans;
        Feed = feed;
        var http = new Uri(app.Urls.First());
        WebSocketUri = new Uri($"ws://{http.Authority}/graphql");
        HttpUri = new Uri($"http://{http.Authority}/graphql");
    }

    public RecordingPlanExecutor Plans { get; }

    public InMemoryRecordEventFeed Feed { get; }

    public Uri WebSocketUri { get; }

    public Uri HttpUri { get; }

    public SnapshotHolder Snapshots => app.Services.GetRequiredService<SnapshotHolder>();

    /// <summary>Starts a server; <paramref name="initTimeoutMilliseconds"/> is how long it waits for connection_init.</summary>
    public static async Task<WebSocketServer> StartAsync(int initTimeoutMilliseconds = 10_000, bool withFeed = true, int maxRequestBytes = 1024 * 1024)
    {
        var plans = new RecordingPlanExecutor();
        var feed = new InMemoryRecordEventFeed();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["GraphQL:ConnectionInitTimeoutMilliseconds"] = initTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["GraphQL:MaxRequestBytes"] = maxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var snapshots = new SnapshotHolder();
        snapshots.TrySwap(ExecutorFixture.Snapshot);
        builder.Services.AddSingleton<IPlanExecutor>(plans).AddSingleton(snapshots).AddSingleton<IRequestContextProvider, SystemContextProvider>()
            .AddEngineGraphQL(builder.Configuration);
        if (withFeed)
        {
            builder.Services.AddSingleton<IRecordEventFeed>(feed);
        }

        var app = builder.Build();
        app.UseWebSockets();
        app.MapEngineGraphQL();
        await app.StartAsync();
        return new WebSocketServer(app, plans, feed);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
