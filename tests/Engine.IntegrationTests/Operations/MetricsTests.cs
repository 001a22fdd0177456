using System.Text;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Operations;

/// <summary>
/// <c>/metrics</c> (engine/Engine.Host/Observability): Prometheus text with the engine's request, error, runtime, SQL
/// and outbox metrics, fed by real GraphQL and gRPC requests.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class MetricsTests(EngineServer engine)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);

    [Fact]
    public async Task Metrics_AfterGraphQLAndGrpcRequests_CountThemPerProtocolResourceAndOperation()
    {
        var name = UniqueNames.Resource("Metered");
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { title: "a" }) { id } }""");
        await engine.QueryAsync($$"""query { {{Field(name)}}s { id } }""");
        using var channel = engine.CreateGrpcChannel();
        var notFound = await Assert.ThrowsAsync<RpcException>(() => GetAsync(channel, name, Guid.NewGuid(), Authorization(engine)));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        using var anonymous = new HttpClient { BaseAddress = engine.BaseAddress };
        var metrics = await anonymous.GetStringAsync("/metrics");

        Assert.Contains(Series(metrics, "engine_requests_total", "protocol=\"graphql\"", $"resource=\"{name}\"", "operation=\"mutation\""), metrics);
        Assert.Contains(Series(metrics, "engine_requests_total", "protocol=\"graphql\"", $"resource=\"{name}\"", "operation=\"query\""), metrics);
        Assert.Contains(Series(metrics, "engine_requests_total", "protocol=\"grpc\"", $"resource=\"{name}\"", "operation=\"Get\""), metrics);
        Assert.Contains(Series(metrics, "engine_request_duration_seconds_bucket", "protocol=\"grpc\"", $"resource=\"{name}\""), metrics);
        Assert.Contains(Series(metrics, "engine_errors_total", "protocol=\"grpc\"", "code=\"NOT_FOUND\""), metrics);
    }

    [Fact]
    public async Task Metrics_Scraped_ExposeRuntimeSqlAndOutboxMetrics()
    {
        var name = UniqueNames.Resource("Gauged");
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");
        await engine.QueryAsync($$"""query { {{Field(name)}}s { id } }""");

        var metrics = await engine.Http.GetStringAsync("/metrics");

        foreach (var family in new[]
        {
            "engine_metadata_version", "engine_snapshot_compile_duration_seconds_count", "db_client_operation_duration_seconds_count",
            "engine_outbox_size", "engine_outbox_lag_seconds",
        })
        {
            Assert.Contains(Series(metrics, family), metrics);
        }
    }

    [Fact]
    public async Task Metrics_RequireAdminSet_RefusesAnonymousScrapes()
    {
        var guarded = new EngineServer();
        guarded.Settings["Engine:MetricsRequireAdmin"] = "true";
        await guarded.InitializeAsync();
        try
        {
            using var anonymous = new HttpClient { BaseAddress = guarded.BaseAddress };
            using var refused = await anonymous.GetAsync("/metrics");
            using var allowed = await guarded.Http.GetAsync("/metrics");

            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Equal(200, (int)allowed.StatusCode);
        }
        finally
        {
            await guarded.DisposeAsync();
        }
    }

    /// <summary>The first line of <paramref name="metrics"/> that starts with <paramref name="family"/> and has every label, or a message.</summary>
    private static string Series(string metrics, string family, params string[] labels)
    {
        var line = metrics.Split('\n').FirstOrDefault(l =>
            (l.StartsWith(family + "{", StringComparison.Ordinal) || l.StartsWith(family + " ", StringComparison.Ordinal))
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        return line ?? $"no {family} series with {string.Join(", ", labels)}";
    }

    private static string Field(string resource) => char.ToLowerInvariant(resource[0]) + resource[1..];

    private static global::Grpc.Core.Metadata Authorization(EngineServer server) =>
        new() { { "authorization", server.Http.DefaultRequestHeaders.Authorization!.ToString() } };

    private static Task<byte[]> GetAsync(GrpcChannel channel, string resource, Guid id, global::Grpc.Core.Metadata headers)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, $"engine.data.v1.{resource}Service", "Get" + resource, Bytes, Bytes);
        var text = Encoding.ASCII.GetBytes(id.ToString());
        byte[] request = [0x0A, (byte)text.Length, .. text]; // field 1 (id), length-delimited
        return channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), request).ResponseAsync;
    }
}
