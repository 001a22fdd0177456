using System.Text.Json;
using Engine.Metadata.Naming;
using Engine.Testing;

namespace Engine.IntegrationTests.Pods;

/// <summary>
/// SPEC §5 with real processes: every committed change reaches JetStream exactly once (after the stream's duplicate
/// window), in commit order per record, whichever pod wrote it, while pods die and NATS goes away and comes back.
/// </summary>
[Collection(PodsCollection.Name)]
public sealed class EventDeliveryTests
{
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(60);

    /// <summary>Delivered rows are kept (the default deletes them), so the outbox is the ledger the stream is checked against.</summary>
    private static readonly Dictionary<string, string?> KeepDelivered = new() { ["Events__RetentionMinutes"] = "60" };

    [Fact]
    public async Task Writes_ConcurrentOnAllPods_EachEventOnJetStreamOnceInRecordOrder()
    {
        await using var cluster = await PodCluster.StartAsync(3, withNats: true, KeepDelivered);
        var name = UniqueNames.Resource("Counter");
        await DefineOnEveryPodAsync(cluster, name);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await CreateAsync(cluster[0], name, i));
        }

        await Task.WhenAll(cluster.Pods.Select((pod, p) => Task.Run(async () =>
        {
            for (var round = 1; round <= 15; round++)
            {
                foreach (var id in ids)
                {
                    await UpdateAsync(pod, name, id, p * 1000 + round);
                }
            }
        })));

        await StreamedEvents.WaitUntilDeliveredAsync(cluster, DeliveryBound);
        var recorded = await StreamedEvents.RecordedAsync(cluster.Database);
        Assert.Equal(4 + 3 * 15 * 4, recorded.Count);
        StreamedEvents.AssertExactlyOnceInRecordOrder(recorded, await StreamedEvents.ReadAsync(cluster.Nats!.Url));
    }

    [Fact]
    public async Task Relay_PodKilledWhileRelaying_AnotherPodDeliversTheRestWithoutLossOrDuplicates()
    {
        // One pod relaying slowly (small batches, one shard at a time), so the kill lands in the middle of the work.
        var slowRelay = new Dictionary<string, string?>(KeepDelivered) { ["Events__RelayBatchSize"] = "10", ["Events__RelayParallelism"] = "1" };
        await using var cluster = await PodCluster.StartAsync(1, withNats: true, slowRelay);
        var name = UniqueNames.Resource("Counter");
        await cluster[0].DefineAsync(name, Counter(name));
        const int rows = 3000;
        await cluster.Database.ScalarAsync(
            $"INSERT INTO data.{NameConventions.ToSnakeCase(name)} (id, label, n) SELECT gen_random_uuid(), 'bulk', g FROM generate_series(1, {rows}) g");

        while (await StreamedEvents.DeliveredAsync(cluster.Database) < 100)
        {
            await Task.Delay(10);
        }

        cluster[0].Kill();
        var deliveredAtKill = await StreamedEvents.DeliveredAsync(cluster.Database);
        Assert.InRange(deliveredAtKill, 100, rows - 1);

        await cluster.StartPodAsync();
        await StreamedEvents.WaitUntilDeliveredAsync(cluster, DeliveryBound);
        var recorded = await StreamedEvents.RecordedAsync(cluster.Database);
        Assert.Equal(rows, recorded.Count);
        StreamedEvents.AssertExactlyOnceInRecordOrder(recorded, await StreamedEvents.ReadAsync(cluster.Nats!.Url));
    }

    [Fact]
    public async Task Writes_NatsDownAndBackDuringWrites_NoEventLostAndRecordOrderKept()
    {
        await using var cluster = await PodCluster.StartAsync(2, withNats: true, KeepDelivered);
        var name = UniqueNames.Resource("Counter");
        await DefineOnEveryPodAsync(cluster, name);
        var ids = new[] { await CreateAsync(cluster[0], name, 0), await CreateAsync(cluster[1], name, 1) };
        using var stop = new CancellationTokenSource();
        var writers = cluster.Pods.Select((pod, p) => Task.Run(async () =>
        {
            var writes = 0;
            while (!stop.IsCancellationRequested)
            {
                await UpdateAsync(pod, name, ids[writes % 2], p * 100_000 + writes);
                writes++;
            }

            return writes;
        })).ToArray();

        await Task.Delay(1000);
        await cluster.Nats!.StopAsync();
        await Task.Delay(1500);
        Assert.True(await StreamedEvents.PendingAsync(cluster.Database) > 0, "writes made while NATS is down must wait in the outbox");
        await cluster.Nats.RestartAsync();
        await Task.Delay(1000);
        await stop.CancelAsync();
        var written = (await Task.WhenAll(writers)).Sum();

        await StreamedEvents.WaitUntilDeliveredAsync(cluster, DeliveryBound);
        var recorded = await StreamedEvents.RecordedAsync(cluster.Database);
        Assert.Equal(2 + written, recorded.Count);
        StreamedEvents.AssertExactlyOnceInRecordOrder(recorded, await StreamedEvents.ReadAsync(cluster.Nats.Url));
    }

    /// <summary>Defines the resource on the first pod and waits until every pod serves it.</summary>
    private static async Task DefineOnEveryPodAsync(PodCluster cluster, string name)
    {
        await cluster[0].DefineAsync(name, Counter(name));
        var since = System.Diagnostics.Stopwatch.StartNew();
        foreach (var pod in cluster.Pods.Skip(1))
        {
            await Propagation.WaitUntilServedAsync(pod, name, since);
        }
    }

    private static string Counter(string name) => $$"""
        { "name": "{{name}}", "plural": "{{name}}s", "fields": [ { "name": "label", "type": "String", "required": true }, { "name": "n", "type": "Int" } ] }
        """;

    private static async Task<string> CreateAsync(PodProcess pod, string name, int n)
    {
        using var response = await pod.GraphQLAsync(
            $"mutation($n: Int) {{ create{name}(data: {{label: \"c\", n: $n}}) {{ id }} }}", new { n });
        return Data(response, pod).GetProperty("create" + name).GetProperty("id").GetString()!;
    }

    private static async Task UpdateAsync(PodProcess pod, string name, string id, int n)
    {
        using var response = await pod.GraphQLAsync(
            $"mutation($id: ID!, $n: Int) {{ update{name}(where: {{id: $id}}, data: {{n: $n}}) {{ n }} }}", new { id, n });
        Assert.Equal(n, Data(response, pod).GetProperty("update" + name).GetProperty("n").GetInt32());
    }

    private static JsonElement Data(JsonDocument response, PodProcess pod)
    {
        Assert.False(response.RootElement.TryGetProperty("errors", out var errors), $"{pod.Name}: {errors}\n{pod.OutputTail()}");
        return response.RootElement.GetProperty("data");
    }
}
