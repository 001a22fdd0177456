using System.Collections.Concurrent;
using System.Text;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Operations;

/// <summary>
/// OpenTelemetry traces exported by OTLP (engine/Engine.Host/Observability) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
/// set: an engine of its own exports to a local OTLP/HTTP receiver, whose protobuf payloads carry span names and
/// attribute keys and values as plain UTF-8.
/// </summary>
public sealed class TracesTests : IAsyncLifetime
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<byte[]> exported = new();
    private readonly EngineServer engine = new();
    private WebApplication receiver = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver = builder.Build();
        receiver.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            exported.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await receiver.StartAsync();
        var address = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        engine.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = address;
        engine.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        engine.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        await engine.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task GraphQLOperation_Traced_ExportsOperationSpanWithResourcesAndSqlChild()
    {
        var name = UniqueNames.Resource("Traced");
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");

        await engine.QueryAsync($$"""query ListTraced { {{char.ToLowerInvariant(name[0]) + name[1..]}}s { id } }""");

        await WaitForAsync("query ListTraced", "graphql.operation.type", "engine.resources", name, "postgresql");
    }

    [Fact]
    public async Task GrpcCall_Traced_TagsTheRequestSpanWithServiceMethodAndResource()
    {
        var name = UniqueNames.Resource("TracedRpc");
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");
        using var channel = engine.CreateGrpcChannel();
        var method = new Method<byte[], byte[]>(MethodType.Unary, $"engine.data.v1.{name}Service", "Get" + name, Bytes, Bytes);
        var id = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString());
        var headers = new global::Grpc.Core.Metadata { { "authorization", engine.Http.DefaultRequestHeaders.Authorization!.ToString() } };

        await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker()
            .AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)), [0x0A, (byte)id.Length, .. id]).ResponseAsync);

        await WaitForAsync("rpc.system", "rpc.method", "Get" + name, $"engine.data.v1.{name}Service", "NOT_FOUND");
    }

    /// <summary>Waits until every text has been exported (a parent span and its children may leave in different batches).</summary>
    private async Task WaitForAsync(params string[] texts)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Missing(texts).Count == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"never exported: {string.Join(", ", Missing(texts))} ({exported.Count} batches received)");
    }

    private List<string> Missing(string[] texts) => texts.Where(text => !exported.Any(payload => Contains(payload, text))).ToList();

    private static bool Contains(byte[] payload, string text) => payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
