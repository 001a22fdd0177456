using Engine.Events.Propagation;
using Engine.Metadata.Json;
using Engine.MetadataStore;
using Engine.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using Npgsql;

namespace Engine.Events.Tests.Propagation;

/// <summary>
/// The metadata side of one pod, in process: a <see cref="MetadataRuntime"/> over a shared database with the NATS
/// announcer and listener running, and no poller, so whatever it learns it learns from announcements.
/// </summary>
internal sealed class RuntimePod : IAsyncDisposable
{
    private readonly NatsConnection? nats;
    private readonly MetadataAnnouncer announcer;
    private readonly MetadataChangeListener listener;

    private RuntimePod(MetadataRuntime runtime, NatsConnection? nats)
    {
        Runtime = runtime;
        this.nats = nats;
        Trigger = new MetadataRefreshTrigger(runtime, NullLogger<MetadataRefreshTrigger>.Instance);
        announcer = new MetadataAnnouncer(nats, runtime, NullLogger<MetadataAnnouncer>.Instance);
        listener = new MetadataChangeListener(nats, Trigger, NullLogger<MetadataChangeListener>.Instance);
    }

    public MetadataRuntime Runtime { get; }

    public MetadataRefreshTrigger Trigger { get; }

    public long Version => Runtime.Stored!.Version;

    /// <summary>A runtime without announcer or listener, for tests that drive <see cref="MetadataRefreshTrigger"/> themselves.</summary>
    public static async Task<MetadataRuntime> LoadRuntimeAsync(NpgsqlDataSource dataSource)
    {
        var runtime = new MetadataRuntime(
            new VersionedMetadataStore(dataSource), new SnapshotHolder(), new SnapshotBuilder([], "data"), NullLogger<MetadataRuntime>.Instance);
        await runtime.InitializeAsync(CancellationToken.None);
        return runtime;
    }

    /// <summary>Loads the current version, then starts announcing and listening over NATS at <paramref name="natsUrl"/> (null: no NATS).</summary>
    public static async Task<RuntimePod> StartAsync(NpgsqlDataSource dataSource, string? natsUrl)
    {
        var nats = natsUrl is null ? null : new NatsConnection(new NatsOpts { Url = natsUrl });
        if (nats is not null)
        {
            await nats.ConnectAsync();
        }

        var pod = new RuntimePod(await LoadRuntimeAsync(dataSource), nats);
        await pod.announcer.StartAsync(CancellationToken.None);
        await pod.listener.StartAsync(CancellationToken.None);
        return pod;
    }

    /// <summary>Defines a small resource through this pod; returns the new version.</summary>
    public async Task<long> DefineAsync(string name)
    {
        var definition = MetadataJson.ParseResource($$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""").Value!;
        var result = await Runtime.ApplyAsync(new PutResource(definition) { Author = "test" }, CancellationToken.None);
        Assert.Equal(ChangeStatus.Applied, result.Status);
        return result.Version;
    }

    /// <summary>Waits until this pod serves <paramref name="version"/>; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForVersionAsync(long version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Version < version)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await listener.StopAsync(CancellationToken.None);
        await announcer.StopAsync(CancellationToken.None);
        listener.Dispose();
        announcer.Dispose();
        if (nats is not null)
        {
            await nats.DisposeAsync();
        }
    }
}
