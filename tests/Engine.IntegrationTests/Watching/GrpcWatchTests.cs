using Engine.IntegrationTests.Grpc;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Watching;

/// <summary>
/// SPEC §4 Watch end to end: a running engine, its outbox and event feed. A Grpc.Net.Client stream opened with a
/// filter receives the matching creates, updates and deletes made through GraphQL and gRPC, in order per record.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcWatchTests(EngineServer engine) : IDisposable
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly GrpcChannel channel = engine.CreateGrpcChannel();

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task Watch_WithFilter_ReceivesMatchingChangesFromGraphQLAndGrpc()
    {
        var name = await DefineAsync();
        var service = await ReflectedService.LoadAsync(channel, $"engine.data.v1.{name}Service");
        using var watch = await OpenAsync(service, name, "views > 10");
        var message = MessageField(service, name);

        var low = await CreateAsync(name, "low", 5);
        var high = await CreateAsync(name, "high", 20);
        await engine.QueryAsync($$"""mutation { update{{name}}(where: {id: "{{high}}"}, data: {views: 30}) { id } }""");
        await engine.QueryAsync($$"""mutation { update{{name}}(where: {id: "{{low}}"}, data: {views: 6}) { id } }""");
        var viaGrpc = await service.CallAsync("Create" + name, new Dictionary<string, object?>
        {
            [message] = new Dictionary<string, object?> { ["title"] = "grpc", ["views"] = 50 },
        });
        await service.CallAsync("Delete" + name, new Dictionary<string, object?> { ["id"] = high });
        var marker = await CreateAsync(name, "marker", 99);

        // The relay keeps each record's events in order, not the order across records: read until every expected one is in.
        var grpcId = (string)viaGrpc["id"]!;
        var events = await ReadUntilAsync(watch, service, name, seen =>
            seen.Any(e => Record(e, message)["id"] as string == marker)
            && seen.Any(e => Record(e, message)["id"] as string == grpcId)
            && seen.Any(e => Record(e, message)["id"] as string == high && (int)e["type"]! == 3));
        events.AddRange(await ReadForAsync(watch, service, name, TimeSpan.FromSeconds(1)));

        Assert.DoesNotContain(events, e => Record(e, message)["id"] as string == low);
        var ofHigh = events.Where(e => Record(e, message)["id"] as string == high).ToArray();
        Assert.Equal([1, 2, 3], ofHigh.Select(e => (int)e["type"]!));
        Assert.Equal([20, 30, 30], ofHigh.Select(e => (int)Record(e, message)["views"]!));
        Assert.Contains("views", UpdatedFields(ofHigh[1]));
        Assert.Empty(UpdatedFields(ofHigh[0]));
        Assert.Equal("high", Record(ofHigh[2], message)["title"]);
        var created = Assert.Single(events, e => Record(e, message)["id"] as string == grpcId);
        Assert.Equal(1, (int)created["type"]!);
        Assert.Equal("grpc", Record(created, message)["title"]);
    }

    [Fact]
    public async Task Watch_ResourceRemoved_EndsWithNotFound()
    {
        var name = await DefineAsync();
        var service = await ReflectedService.LoadAsync(channel, $"engine.data.v1.{name}Service");
        using var watch = await OpenAsync(service, name, "");

        using var response = await engine.Http.DeleteAsync($"/meta/resources/{name}?force=true");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (await watch.ResponseStream.MoveNext(timeout.Token))
            {
            }
        });
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_RelationPathFilter_IsInvalidArgument()
    {
        var owner = UniqueNames.Resource("WatchOwner");
        await engine.DefineAsync(owner, $$"""{ "name": "{{owner}}", "fields": [ { "name": "label", "type": "String" } ] }""");
        var name = UniqueNames.Resource("Watched");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String" },
              { "name": "owner", "type": "Relation", "target": "{{owner}}", "cardinality": "one" } ] }
            """);
        var service = await ReflectedService.LoadAsync(channel, $"engine.data.v1.{name}Service");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var watch = await OpenAsync(service, name, "owner.label = \"x\"");
            await watch.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("owner_id", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<string> DefineAsync()
    {
        var name = UniqueNames.Resource("Watched");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String", "required": true }, { "name": "views", "type": "Int" } ] }
            """);
        return name;
    }

    /// <summary>Opens Watch and waits for its response headers: the server sends them once it has subscribed.</summary>
    private async Task<AsyncServerStreamingCall<byte[]>> OpenAsync(ReflectedService service, string name, string filter)
    {
        var method = service.Method($"Watch{name}s");
        var request = DescriptorCodec.Encode(method.InputType, new Dictionary<string, object?> { ["filter"] = filter });
        var call = channel.CreateCallInvoker().AsyncServerStreamingCall(
            new Method<byte[], byte[]>(MethodType.ServerStreaming, service.Service.FullName, method.Name, Bytes, Bytes),
            null,
            new CallOptions(deadline: DateTime.UtcNow.AddMinutes(2)),
            request);
        try
        {
            await call.ResponseHeadersAsync.WaitAsync(Patience);
        }
        catch
        {
            call.Dispose();
            throw;
        }

        return call;
    }

    private async Task<string> CreateAsync(string name, string title, int views)
    {
        var data = await engine.QueryAsync($$"""mutation { create{{name}}(data: {title: "{{title}}", views: {{views}}}) { id } }""");
        return data["create" + name]!["id"]!.GetValue<string>();
    }

    /// <summary>Reads events until <paramref name="complete"/> holds for all read so far.</summary>
    private static async Task<List<Dictionary<string, object?>>> ReadUntilAsync(
        AsyncServerStreamingCall<byte[]> watch, ReflectedService service, string name, Func<List<Dictionary<string, object?>>, bool> complete)
    {
        var type = service.Method($"Watch{name}s").OutputType;
        var events = new List<Dictionary<string, object?>>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await watch.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(DescriptorCodec.Decode(type, watch.ResponseStream.Current));
            if (complete(events))
            {
                return events;
            }
        }

        throw new InvalidOperationException("the watch ended before every expected event arrived");
    }

    /// <summary>Every event that arrives within <paramref name="wait"/> (late strays the test must not see); cancels the call.</summary>
    private static async Task<List<Dictionary<string, object?>>> ReadForAsync(
        AsyncServerStreamingCall<byte[]> watch, ReflectedService service, string name, TimeSpan wait)
    {
        var type = service.Method($"Watch{name}s").OutputType;
        var events = new List<Dictionary<string, object?>>();
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (await watch.ResponseStream.MoveNext(timeout.Token))
            {
                events.Add(DescriptorCodec.Decode(type, watch.ResponseStream.Current));
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && timeout.IsCancellationRequested)
        {
            // The wait is over.
        }

        return events;
    }

    private static string MessageField(ReflectedService service, string name) =>
        service.Method("Create" + name).InputType.FindFieldByNumber(1).Name;

    private static Dictionary<string, object?> Record(Dictionary<string, object?> recordEvent, string field) =>
        (Dictionary<string, object?>)recordEvent[field]!;

    private static IEnumerable<string> UpdatedFields(Dictionary<string, object?> recordEvent) =>
        recordEvent.TryGetValue("updated_fields", out var fields) ? ((List<object>)fields!).Cast<string>() : [];
}
