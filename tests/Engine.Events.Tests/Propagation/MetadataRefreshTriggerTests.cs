using Engine.Events.Propagation;
using Engine.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Events.Tests.Propagation;

public sealed class MetadataRefreshTriggerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Request_VersionAlreadyServed_ReturnsFalse()
    {
        await using var pod = await RuntimePod.StartAsync(database.DataSource, natsUrl: null);
        await pod.DefineAsync(UniqueNames.Resource("Served"));

        Assert.False(pod.Trigger.Request(pod.Version));
        Assert.False(pod.Trigger.Request(pod.Version - 1));
    }

    [Fact]
    public async Task Request_VersionMadeByAnotherPod_ServesItWithoutPolling()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, natsUrl: null);
        var reader = await RuntimePod.LoadRuntimeAsync(database.DataSource);
        var trigger = new MetadataRefreshTrigger(reader, NullLogger<MetadataRefreshTrigger>.Instance);
        using var stop = new CancellationTokenSource();
        var running = trigger.RunAsync(stop.Token);

        var version = await writer.DefineAsync(UniqueNames.Resource("Made"));

        Assert.True(trigger.Request(version));
        Assert.True(await WaitForAsync(() => reader.Stored!.Version >= version), $"still at {reader.Stored!.Version}, wanted {version}");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Request_BurstOfVersions_EndsOnTheLatest()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, natsUrl: null);
        var reader = await RuntimePod.LoadRuntimeAsync(database.DataSource);
        var trigger = new MetadataRefreshTrigger(reader, NullLogger<MetadataRefreshTrigger>.Instance);
        using var stop = new CancellationTokenSource();
        var running = trigger.RunAsync(stop.Token);

        var latest = 0L;
        for (var i = 0; i < 5; i++)
        {
            latest = await writer.DefineAsync(UniqueNames.Resource("Burst"));
            trigger.Request(latest);
        }

        Assert.True(await WaitForAsync(() => reader.Stored!.Version == latest), $"still at {reader.Stored!.Version}, wanted {latest}");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Request_VersionAheadOfTheStore_KeepsServingLaterVersions()
    {
        await using var writer = await RuntimePod.StartAsync(database.DataSource, natsUrl: null);
        var reader = await RuntimePod.LoadRuntimeAsync(database.DataSource);
        var trigger = new MetadataRefreshTrigger(reader, NullLogger<MetadataRefreshTrigger>.Instance);
        using var stop = new CancellationTokenSource();
        var running = trigger.RunAsync(stop.Token);

        Assert.True(trigger.Request(reader.Stored!.Version + 1_000_000));
        var version = await writer.DefineAsync(UniqueNames.Resource("Later"));
        trigger.Request(version);

        Assert.True(await WaitForAsync(() => reader.Stored!.Version == version), $"still at {reader.Stored!.Version}, wanted {version}");
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
