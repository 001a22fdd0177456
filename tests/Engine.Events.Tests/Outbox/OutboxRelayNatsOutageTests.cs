using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Testing;

namespace Engine.Events.Tests.Outbox;

public sealed class OutboxRelayNatsOutageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
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
    public async Task ExecuteAsync_NatsKilledAndRestartedDuringWrites_NoEventLostAndOrderKept()
    {
        const int records = 4;
        const int updates = 20;
        await using var nats = new EngineNats(server.Url);
        var options = new EventsOptions { RelayIdleMilliseconds = 20, PublishTimeoutMilliseconds = 1000, MaxBackoffMilliseconds = 400 };
        var relay = bed.Relay(new JetStreamEventPublisher(nats, options), options);
        await relay.StartAsync(CancellationToken.None);
        try
        {
            var ids = new Guid[records];
            for (var r = 0; r < records; r++)
            {
                ids[r] = await bed.InsertAsync(post, ("views", 0));
            }

            for (var v = 1; v <= updates; v++)
            {
                if (v == updates / 3)
                {
                    await server.StopAsync();
                }

                if (v == 2 * updates / 3)
                {
                    Assert.True(await bed.CountAsync("resource = $1 AND delivered_at IS NULL", post.Name) > 0, "events wait while NATS is down");
                    await server.RestartAsync();
                }

                foreach (var id in ids)
                {
                    await bed.UpdateAsync(post, id, ("views", v));
                }

                await Task.Delay(50);
            }

            var subjects = ResourceEventNames.SubjectPrefix + NameConventions.ToSnakeCase(post.Name) + ".>";
            var messages = await StreamMessages.ReadAtLeastAsync(nats.Connection!, subjects, records * (updates + 1));
            await Eventually.TrueAsync(async () => await bed.CountAsync("resource = $1 AND delivered_at IS NULL", post.Name) == 0, "the outbox to drain");
            messages = await StreamMessages.ReadAsync(nats.Connection!, subjects);

            Assert.Equal(records * (updates + 1), messages.Count);
            foreach (var id in ids)
            {
                var views = messages
                    .Select(m => JsonDocument.Parse(m.Data).RootElement)
                    .Where(e => e.GetProperty("subject").GetString() == id.ToString())
                    .Select(e => e.GetProperty("data").GetProperty("views").GetInt32());
                Assert.Equal(Enumerable.Range(0, updates + 1), views);
            }
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }
}
