using System.Text.Json;
using Engine.IntegrationTests.Pods;
using Engine.IntegrationTests.Subscriptions;
using Engine.Testing;
using Grpc.Core;

namespace Engine.IntegrationTests.Operations;

/// <summary>
/// SIGTERM on a real engine process (engine/Engine.Host/Observability/GracefulShutdown.cs): open GraphQL subscriptions
/// are closed with 1001, Watch streams end with OK, and the process exits with code 0 well within the shutdown timeout.
/// </summary>
[Collection(PodsCollection.Name)]
public sealed class GracefulShutdownTests
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);

    [Fact]
    public async Task Sigterm_SubscriptionAndWatchOpen_ClosesThemAndExitsWithZero()
    {
        await using var cluster = await PodCluster.StartAsync(1, withNats: false);
        var pod = cluster[0];
        var name = UniqueNames.Resource("Drained");
        await pod.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");

        using var subscription = await WsTestClient.ConnectAndInitAsync(
            new Uri($"ws://{pod.HttpAddress.Authority}/graphql"), pod.Http.DefaultRequestHeaders.Authorization?.ToString());
        await subscription.SubscribeAsync("s1", $$"""subscription { {{char.ToLowerInvariant(name[0]) + name[1..]}} { mutation } }""");
        var watch = pod.Grpc.CreateCallInvoker().AsyncServerStreamingCall(
            new Method<byte[], byte[]>(MethodType.ServerStreaming, $"engine.data.v1.{name}Service", $"Watch{name}s", Bytes, Bytes),
            null,
            new CallOptions(new global::Grpc.Core.Metadata { { "authorization", pod.Http.DefaultRequestHeaders.Authorization!.ToString() } }, DateTime.UtcNow.AddMinutes(2)),
            []);
        await watch.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(15));

        var stopping = pod.StopAsync(TimeSpan.FromSeconds(20));
        var closeStatus = await subscription.ReceiveCloseAsync();
        var watchEnded = await watch.ResponseStream.MoveNext(CancellationToken.None);
        await stopping;

        Assert.Equal(1001, closeStatus);
        Assert.False(watchEnded);
        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
        Assert.True(pod.ExitCode == 0, pod.OutputTail());
    }

    [Fact]
    public async Task Logs_RequestServed_JsonLinesWithTraceIds()
    {
        await using var cluster = await PodCluster.StartAsync(1, withNats: false);
        var pod = cluster[0];
        var name = UniqueNames.Resource("Logged");

        await pod.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");
        await pod.StopAsync();

        var lines = pod.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, line => line.Contains("\"TraceId\"", StringComparison.Ordinal) && line.Contains("serving metadata version", StringComparison.Ordinal));
    }
}
