using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Events.Outbox;
using Engine.Events.Publishing;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Runtime.Events;
using Engine.Testing;
using NATS.Client.Core;

namespace Engine.Events.Tests.Publishing;

public sealed class JetStreamEventPublisherTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private NatsServerProcess server = null!;
    private EngineNats nats = null!;
    private OutboxTestBed bed = null!;
    private ResourceModel post = null!;

    private NatsConnection Connection => nats.Connection!;

    private string Subjects => ResourceEventNames.SubjectPrefix + NameConventions.ToSnakeCase(post.Name) + ".>";

    public async Task InitializeAsync()
    {
        server = await NatsServerProcess.StartAsync();
        nats = new EngineNats(server.Url);
        bed = await OutboxTestBed.CreateAsync(database);
        (_, post) = await bed.PutBlogAsync();
        await bed.MarkAllDeliveredAsync();
    }

    public async Task DisposeAsync()
    {
        await nats.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task PublishAsync_RelayedUpdate_StoresACloudEventWithMsgIdAndContentType()
    {
        var id = await bed.InsertAsync(post, ("title", "first"), ("views", 1));
        await bed.UpdateAsync(post, id, ("title", "second"));
        var rows = await bed.RowsAsync(post.Name);

        await bed.Relay(new JetStreamEventPublisher(nats, new EventsOptions())).RelayOnceAsync(CancellationToken.None);

        var messages = await StreamMessages.ReadAsync(Connection, Subjects);
        Assert.Equal(2, messages.Count);
        var update = messages[1];
        Assert.Equal(ResourceEventNames.SubjectPrefix + NameConventions.ToSnakeCase(post.Name) + ".updated", update.Subject);
        Assert.Equal(rows[1].EventId.ToString(), update.Headers!["Nats-Msg-Id"].ToString());
        Assert.Equal(CloudEventFormat.ContentType, update.Headers!["Content-Type"].ToString());
        using var cloudEvent = JsonDocument.Parse(update.Data);
        var root = cloudEvent.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(rows[1].EventId.ToString(), root.GetProperty("id").GetString());
        Assert.Equal("/engine", root.GetProperty("source").GetString());
        Assert.Equal("engine." + NameConventions.ToSnakeCase(post.Name) + ".updated", root.GetProperty("type").GetString());
        Assert.Equal(id.ToString(), root.GetProperty("subject").GetString());
        Assert.Equal(rows[1].CommittedAt.UtcDateTime.ToString(CloudEventFormat.TimeFormat, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("time").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("title", root.GetProperty("updatedfields").GetString());
        using var previous = JsonDocument.Parse(root.GetProperty("previousvalues").GetString()!);
        Assert.Equal("first", previous.RootElement.GetProperty("title").GetString());
        Assert.Equal("second", root.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal(1, root.GetProperty("data").GetProperty("views").GetInt32());
    }

    [Fact]
    public async Task PublishAsync_SameEventTwice_StreamKeepsOne()
    {
        var publisher = new JetStreamEventPublisher(nats, new EventsOptions());
        var names = new ResourceEventNames(post.Name);
        var recordEvent = new RecordEvent(Guid.NewGuid(), post.Name, RecordAction.Created, Guid.NewGuid(), DateTimeOffset.UtcNow, """{"id":"x"}"""u8.ToArray(), null, []);

        await publisher.PublishAsync(recordEvent, names, CancellationToken.None);
        await publisher.PublishAsync(recordEvent, names, CancellationToken.None);

        var messages = await StreamMessages.ReadAsync(Connection, Subjects);
        Assert.Single(messages, m => m.Headers!["Nats-Msg-Id"].ToString() == recordEvent.Id.ToString());
    }

    [Fact]
    public async Task ExecuteAsync_TwoRelaysAndConcurrentWriters_EveryEventOnceInPerRecordOrder()
    {
        const int records = 6;
        const int updates = 30;
        await using var otherNats = new EngineNats(server.Url);
        var relays = new[]
        {
            bed.Relay(new JetStreamEventPublisher(nats, new EventsOptions())),
            bed.Relay(new JetStreamEventPublisher(otherNats, new EventsOptions())),
        };
        foreach (var relay in relays)
        {
            await relay.StartAsync(CancellationToken.None);
        }

        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, records).Select(async _ =>
            {
                var id = await bed.InsertAsync(post, ("views", 0));
                for (var v = 1; v <= updates; v++)
                {
                    await bed.UpdateAsync(post, id, ("views", v));
                }

                return id;
            }));

            var messages = await StreamMessages.ReadAtLeastAsync(Connection, Subjects, records * (updates + 1));
            await Task.Delay(500);
            messages = await StreamMessages.ReadAsync(Connection, Subjects);

            Assert.Equal(records * (updates + 1), messages.Count);
            Assert.Equal(messages.Count, messages.Select(m => m.Headers!["Nats-Msg-Id"].ToString()).Distinct().Count());
            foreach (var id in ids)
            {
                var views = messages
                    .Select(m => JsonDocument.Parse(m.Data).RootElement)
                    .Where(e => e.GetProperty("subject").GetString() == id.ToString())
                    .Select(e => e.GetProperty("data").GetProperty("views").GetInt32())
                    .ToList();
                Assert.Equal(Enumerable.Range(0, updates + 1), views);
            }
        }
        finally
        {
            foreach (var relay in relays)
            {
                await relay.StopAsync(CancellationToken.None);
            }
        }
    }
}
