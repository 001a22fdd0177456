using System.Text;
using Engine.Events.Conversion;
using Engine.Events.Feed;
using Engine.Events.Publishing;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Runtime.Events;
using Engine.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace Engine.Events.Tests.Feed;

public sealed class NatsEventListenerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private NatsServerProcess server = null!;
    private OutboxTestBed bed = null!;
    private ResourceModel post = null!;

    public async Task InitializeAsync()
    {
        server = await NatsServerProcess.StartAsync();
        bed = await OutboxTestBed.CreateAsync(database);
        (_, post) = await bed.PutBlogAsync();
        await bed.MarkAllDeliveredAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_EventRelayedByOnePod_ReachesSubscribersOnEveryPod()
    {
        await using var relayNats = new EngineNats(server.Url);
        await using var pod1 = await Pod.StartAsync(server.Url);
        await using var pod2 = await Pod.StartAsync(server.Url);
        using var subscription1 = pod1.Feed.Subscribe(post.Name);
        using var subscription2 = pod2.Feed.Subscribe(post.Name);
        var relay = bed.Relay(new JetStreamEventPublisher(relayNats, new EventsOptions()));

        var id = await bed.InsertAsync(post, ("title", "everywhere"));
        await bed.UpdateAsync(post, id, ("title", "changed"));
        await relay.RelayOnceAsync(CancellationToken.None);

        foreach (var subscription in new[] { subscription1, subscription2 })
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var created = await subscription.Events.ReadAsync(timeout.Token);
            var updated = await subscription.Events.ReadAsync(timeout.Token);
            Assert.Equal((RecordAction.Created, id), (created.Action, created.RecordId));
            Assert.Equal((RecordAction.Updated, id), (updated.Action, updated.RecordId));
            Assert.Equal(["title"], updated.UpdatedFields);
            Assert.Contains("\"changed\"", Encoding.UTF8.GetString(updated.Data.Span), StringComparison.Ordinal);
            Assert.Contains("\"everywhere\"", Encoding.UTF8.GetString(updated.PreviousValues!.Value.Span), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExecuteAsync_MalformedAndDuplicateMessages_AreSkipped()
    {
        await using var pod = await Pod.StartAsync(server.Url);
        using var subscription = pod.Feed.Subscribe("Thing");
        await using var sender = new NatsConnection(new NatsOpts { Url = server.Url });
        var recordEvent = new RecordEvent(Guid.NewGuid(), "Thing", RecordAction.Created, Guid.NewGuid(), DateTimeOffset.UtcNow, """{"id":"x"}"""u8.ToArray(), null, []);
        var message = CloudEventFormat.Write(recordEvent, new ResourceEventNames("Thing"), "/engine");
        var next = recordEvent with { Id = Guid.NewGuid() };

        await sender.PublishAsync("engine.events.thing.created", "not a cloud event"u8.ToArray());
        await sender.PublishAsync("engine.events.thing.created", message);
        await sender.PublishAsync("engine.events.thing.created", message);
        await sender.PublishAsync("engine.events.thing.created", CloudEventFormat.Write(next, new ResourceEventNames("Thing"), "/engine"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(recordEvent.Id, (await subscription.Events.ReadAsync(timeout.Token)).Id);
        Assert.Equal(next.Id, (await subscription.Events.ReadAsync(timeout.Token)).Id);
        Assert.False(subscription.Events.TryRead(out _));
    }

    /// <summary>One pod's feed side: its own connection, feed and listener.</summary>
    private sealed class Pod : IAsyncDisposable
    {
        private readonly EngineNats nats;
        private readonly NatsEventListener listener;

        private Pod(string url)
        {
            nats = new EngineNats(url);
            Feed = new RecordEventFeed(new EventsOptions());
            listener = new NatsEventListener(nats, Feed, NullLogger<NatsEventListener>.Instance);
        }

        public RecordEventFeed Feed { get; }

        public static async Task<Pod> StartAsync(string url)
        {
            var pod = new Pod(url);
            await pod.listener.StartAsync(CancellationToken.None);
            await pod.listener.Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
            return pod;
        }

        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
            await nats.DisposeAsync();
        }
    }
}
