using System.Buffers;
using System.Text.Json.Nodes;
using Engine.GraphQL.Execution;
using Engine.IntegrationTests.Grpc;
using Engine.IntegrationTests.Support;
using Engine.Query.Context;
using Engine.Runtime;
using Engine.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Host;

/// <summary>
/// A request that took its snapshot just before a change dropped a column (or table) it names fails in PostgreSQL
/// (undefined column); the engine runs it again on the newer snapshot instead of answering INTERNAL, so load under
/// metadata change sees no failed request (issue 8). Nothing is written twice: the failed statement wrote nothing.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class MetadataChangeDuringRequestTests(EngineServer engine)
{
    private const string Title = """{ "name": "title", "type": "String" }""";
    private const string Extra = """{ "name": "extra", "type": "String" }""";

    [Fact]
    public async Task ExecuteAsync_QueryPlannedOnASnapshotWhoseColumnWasDropped_RunsAgainOnTheNewSchema()
    {
        var name = UniqueNames.Resource("Dropped");
        await engine.DefineAsync(name, Definition(name, Title, Extra));
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { title: "kept", extra: "gone" }) { id } }""");
        var old = engine.Services.GetRequiredService<SnapshotHolder>().Current;
        await DropAsync(name, Definition(name, Title));

        var selectsDropped = await ExecuteAsync(old, $$"""{ {{Plural(name)}} { title extra } }""");
        var selectsKept = await ExecuteAsync(old, $$"""{ {{Plural(name)}}(where: { title: "kept" }) { title } }""");

        // On the new schema the dropped field is unknown: a validation error, never INTERNAL or UNAVAILABLE.
        var error = Assert.Single(selectsDropped["errors"]!.AsArray());
        Assert.Contains("extra", error!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(selectsDropped["data"]);
        Assert.Null(selectsKept["errors"]);
        Assert.Equal("kept", selectsKept["data"]![Plural(name)]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecuteAsync_MutationWritingADroppedColumn_WritesNothingAndFailsValidation()
    {
        var name = UniqueNames.Resource("Dropping");
        await engine.DefineAsync(name, Definition(name, Title, Extra));
        var old = engine.Services.GetRequiredService<SnapshotHolder>().Current;
        await DropAsync(name, Definition(name, Title));

        var response = await ExecuteAsync(old, $$"""mutation { create{{name}}(data: { title: "t", extra: "e" }) { id } }""");

        Assert.NotNull(response["errors"]);
        Assert.DoesNotContain(response["errors"]!.AsArray(), e => e!["extensions"]?["code"]?.GetValue<string>() is "INTERNAL" or "UNAVAILABLE");
        var count = await engine.QueryAsync($$"""{ {{Plural(name)}}Connection { aggregate { count } } }""");
        Assert.Equal(0, count[Plural(name) + "Connection"]!["aggregate"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task GrpcGet_WhileAFieldIsAddedAndDroppedRepeatedly_NeverFails()
    {
        var name = UniqueNames.Resource("Churn");
        await engine.DefineAsync(name, Definition(name, Title, Extra));
        using var channel = engine.CreateGrpcChannel();
        var service = await ReflectedService.LoadAsync(channel, $"engine.data.v1.{name}Service");
        var message = service.Method("Create" + name).InputType.FindFieldByNumber(1).Name;
        var created = await service.CallAsync("Create" + name, new Dictionary<string, object?> { [message] = new Dictionary<string, object?> { ["title"] = "t" } });
        var id = (string)created["id"]!;

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var calls = 0;
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await service.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = id });
                    Interlocked.Increment(ref calls);
                }
                catch (RpcException e)
                {
                    lock (failures)
                    {
                        failures.Add($"{e.StatusCode}: {e.Status.Detail}");
                    }
                }
            }
        })).ToArray();

        for (var round = 0; round < 4; round++)
        {
            await DropAsync(name, Definition(name, Title));
            await engine.DefineAsync(name, Definition(name, Title, Extra));
        }

        await stop.CancelAsync();
        await Task.WhenAll(callers);
        Assert.True(calls > 0, "no Get call completed");
        Assert.Empty(failures);
    }

    private async Task DropAsync(string name, string json)
    {
        using var response = await engine.Http.PutAsync(
            $"/meta/resources/{name}?allowDestructive=true", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"dropping a field answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonNode> ExecuteAsync(EngineSnapshot snapshot, string query)
    {
        var executor = engine.Services.GetRequiredService<GraphQLExecutor>();
        var result = await executor.ExecuteAsync(new GraphQLRequest(query), snapshot, RequestContext.System, allowMutations: true, CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        result.WriteTo(buffer);
        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static string Plural(string name) => char.ToLowerInvariant(name[0]) + name[1..] + "s";

    private static string Definition(string name, params string[] fields) =>
        $$"""{ "name": "{{name}}", "fields": [ {{string.Join(", ", fields)}} ] }""";
}
