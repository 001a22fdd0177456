using System.Text;
using Engine.Events.Propagation;
using Engine.Testing;
using NATS.Client.Core;

namespace Engine.Events.Tests.Propagation;

/// <summary>Two in-process pods over one database and the tests' nats-server, without polling: only announcements move versions.</summary>
public sealed class MetadataChangeListenerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ChangeOnAnotherPod_Announced_ThisPodServesIt()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, NatsServer.Url);
        await using var reader = await RuntimePod.StartAsync(database.DataSource, NatsServer.Url);
        await WaitForSubscriptionAsync(writer, reader);

        var version = await writer.DefineAsync(UniqueNames.Resource("Announced"));

        Assert.True(await reader.WaitForVersionAsync(version, Bound), $"reader still at {reader.Version}, wanted {version}");
    }

    [Fact]
    public async Task MalformedMessage_ThenAnnouncement_ThisPodStillServesIt()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, NatsServer.Url);
        await using var reader = await RuntimePod.StartAsync(database.DataSource, NatsServer.Url);
        await WaitForSubscriptionAsync(writer, reader);
        await using (var other = new NatsConnection(new NatsOpts { Url = NatsServer.Url }))
        {
            await other.PublishAsync(MetadataAnnouncement.Subject, Encoding.UTF8.GetBytes("not json"));
            await other.PublishAsync<byte[]>(MetadataAnnouncement.Subject, []);
        }

        var version = await writer.DefineAsync(UniqueNames.Resource("AfterJunk"));

        Assert.True(await reader.WaitForVersionAsync(version, Bound), $"reader still at {reader.Version}, wanted {version}");
    }

    [Fact]
    public async Task ChangeOnThisPod_Applied_AnnouncesItsVersion()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, NatsServer.Url);
        await using var observer = new NatsConnection(new NatsOpts { Url = NatsServer.Url });
        using var timeout = new CancellationTokenSource(Bound);
        await using var subscription = await observer.SubscribeCoreAsync<byte[]>(MetadataAnnouncement.Subject, cancellationToken: timeout.Token);
        await observer.PingAsync(timeout.Token);

        var version = await writer.DefineAsync(UniqueNames.Resource("Mine"));

        // Other tests may announce on the shared server too: wait for this change's version.
        await foreach (var message in subscription.Msgs.ReadAllAsync(timeout.Token))
        {
            if (Encoding.UTF8.GetString(message.Data ?? []) == $$"""{"version":{{version}}}""")
            {
                return;
            }
        }

        Assert.Fail($"the subscription ended before version {version} was announced");
    }

    // The listener subscribes in the background: until the server has its subscription, announcements pass it by.
    // A change announced by the writer proves it: once the reader serves one, it is listening.
    private static async Task WaitForSubscriptionAsync(RuntimePod writer, RuntimePod reader)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var version = await writer.DefineAsync(UniqueNames.Resource("Warmup"));
            if (await reader.WaitForVersionAsync(version, TimeSpan.FromMilliseconds(500)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the reader never heard an announcement");
        }
    }
}
