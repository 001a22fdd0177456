using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engine.Testing;
using Xunit.Abstractions;

namespace Engine.IntegrationTests.Pods;

/// <summary>
/// SPEC §2 and issue 5 "Propagation", with real processes: a change made on one pod is served by the others (GraphQL
/// and gRPC) within the bound, through the NATS announcement or, without NATS, through the poll.
/// </summary>
[Collection(PodsCollection.Name)]
public sealed class MetadataPropagationTests(ITestOutputHelper output)
{
    private const int Puts = 20;
    private const int WarmUpPuts = 3;
    private const int NoType = -1;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutResource_OnOnePod_OtherPodsServeItWithinBound(bool withNats)
    {
        await using var cluster = await PodCluster.StartAsync(3, withNats);
        var others = cluster.Pods.Skip(1).ToArray();
        var samples = new List<double>();
        for (var i = -WarmUpPuts; i < Puts; i++)
        {
            var name = UniqueNames.Resource("Gadget");
            var version = await cluster[0].DefineAsync(name, Propagation.Gadget(name));
            var returned = Stopwatch.StartNew();
            await Task.WhenAll(others.Select(pod => Propagation.WaitUntilServedAsync(pod, name, returned)));
            if (i >= 0)
            {
                samples.Add(returned.Elapsed.TotalMilliseconds);
            }

            foreach (var pod in others)
            {
                Assert.Equal(version, await pod.ReadyVersionAsync());
            }
        }

        var compiles = others.SelectMany(pod => Propagation.CompileMilliseconds(pod).TakeLast(Puts)).ToArray();
        var mode = withNats ? "with NATS" : "without NATS (poll every 500 ms)";
        output.WriteLine(FormattableString.Invariant(
            $"propagation {mode}: {Puts} PUTs on pod 1 (after {WarmUpPuts} unmeasured) until pods 2 and 3 answer GraphQL and gRPC: p50 {Propagation.Percentile(samples, 0.50):F0} ms, p99 {Propagation.Percentile(samples, 0.99):F0} ms, min {samples.Min():F0} ms; compiling a version on pods 2 and 3: p50 {Propagation.Percentile(compiles, 0.50):F0} ms, p99 {Propagation.Percentile(compiles, 0.99):F0} ms"));
    }

    [Fact]
    public async Task PutResource_PollingEffectivelyOff_AnnouncementAloneReachesOtherPods()
    {
        var noPolling = new Dictionary<string, string?> { ["Engine__MetadataPollMilliseconds"] = "600000" };
        await using var cluster = await PodCluster.StartAsync(2, withNats: true, noPolling);
        var name = UniqueNames.Resource("Gadget");

        await cluster[0].DefineAsync(name, Propagation.Gadget(name));

        await Propagation.WaitUntilServedAsync(cluster[1], name, Stopwatch.StartNew());
    }

    [Fact]
    public async Task PutResource_NatsServerDown_PollStillReachesOtherPods()
    {
        await using var cluster = await PodCluster.StartAsync(2, withNats: true);
        await cluster.Nats!.KillAsync();
        var whileDown = UniqueNames.Resource("Gadget");

        await cluster[0].DefineAsync(whileDown, Propagation.Gadget(whileDown));
        await Propagation.WaitUntilServedAsync(cluster[1], whileDown, Stopwatch.StartNew());

        await cluster.Nats.RestartAsync();
        var afterRestart = UniqueNames.Resource("Gadget");
        await cluster[0].DefineAsync(afterRestart, Propagation.Gadget(afterRestart));
        await Propagation.WaitUntilServedAsync(cluster[1], afterRestart, Stopwatch.StartNew());
    }

    [Fact]
    public async Task GraphQL_DuringMetadataChanges_EachRequestSeesOneVersionFromStartToEnd()
    {
        await using var cluster = await PodCluster.StartAsync(2, withNats: true);
        var name = UniqueNames.Resource("Widget");
        var initial = await cluster[0].ReadyVersionAsync() ?? throw new InvalidOperationException("pod 1 is not ready");
        var fieldCounts = new Dictionary<long, int> { [initial] = NoType, [await cluster[0].DefineAsync(name, Widget(name, 1))] = 1 };
        var seen = new ConcurrentBag<(string Pod, long Version, int Fields)>();
        using var stop = new CancellationTokenSource();
        var readers = cluster.Pods.Select(pod => Task.Run(() => ReadTypeUntilAsync(pod, name, seen, stop.Token))).ToArray();

        // Each version adds one field, so the field count a response shows names the version it was planned with.
        for (var fields = 2; fields <= 12; fields++)
        {
            fieldCounts[await cluster[0].DefineAsync(name, Widget(name, fields))] = fields;
        }

        var last = fieldCounts.Keys.Max();
        var waited = Stopwatch.StartNew();
        while (!readers.Any(r => r.IsCompleted) && cluster.Pods.Any(pod => !seen.Any(s => s.Pod == pod.Name && s.Version == last)))
        {
            if (waited.Elapsed > Propagation.Bound)
            {
                Assert.Fail($"not every pod answered with version {last} within {Propagation.Bound.TotalSeconds} s\n{cluster.OutputTails()}");
            }

            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var (pod, version, fields) in seen)
        {
            Assert.True(fieldCounts.TryGetValue(version, out var expected) && expected == fields,
                $"{pod}: a response of version {version} showed {fields} fields");
        }
    }

    private static async Task ReadTypeUntilAsync(
        PodProcess pod, string name, ConcurrentBag<(string, long, int)> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await pod.GraphQLAsync($$"""{ _version __type(name: "{{name}}") { fields { name } } }""");
            if (response.RootElement.TryGetProperty("errors", out var errors))
            {
                Assert.Fail($"{pod.Name}: {errors}");
            }

            var data = response.RootElement.GetProperty("data");
            var version = long.Parse(data.GetProperty("_version").GetString()!, CultureInfo.InvariantCulture);
            var type = data.GetProperty("__type");
            var fields = type.ValueKind == JsonValueKind.Null ? NoType : type.GetProperty("fields").EnumerateArray()
                .Count(f => f.GetProperty("name").GetString()!.StartsWith("field", StringComparison.Ordinal));
            seen.Add((pod.Name, version, fields));
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private static string Widget(string name, int fields) => JsonSerializer.Serialize(new
    {
        name,
        fields = Enumerable.Range(1, fields).Select(i => new { name = "field" + i.ToString(CultureInfo.InvariantCulture), type = "String" }),
    });
}
