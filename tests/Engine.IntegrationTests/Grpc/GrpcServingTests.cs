using Engine.IntegrationTests.Support;
using Engine.Testing;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Grpc;

/// <summary>
/// SPEC §4 end to end: real engine, real PostgreSQL, real HTTP/2. Resources are defined over HTTP, discovered through
/// server reflection, and called with messages encoded from the reflected descriptors.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcServingTests(EngineServer engine) : IDisposable
{
    private readonly GrpcChannel channel = engine.CreateGrpcChannel();

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task Every_rpc_works_with_descriptors_from_reflection()
    {
        var name = await DefineGadgetAsync();
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var message = MessageField(service, name);

        var ids = new List<string>();
        for (var views = 1; views <= 5; views++)
        {
            var created = await service.CallAsync("Create" + name, new Dictionary<string, object?>
            {
                [message] = new Dictionary<string, object?> { ["title"] = $"g{views}", ["sku"] = $"S{views}", ["views"] = views },
            });
            Assert.Equal($"g{views}", created["title"]);
            Assert.True(created.ContainsKey("create_time"));
            ids.Add((string)created["id"]!);
        }

        var masked = await service.CallAsync("Get" + name, new Dictionary<string, object?>
        {
            ["id"] = ids[2], ["read_mask"] = new Dictionary<string, object?> { ["paths"] = new[] { "title" } },
        });
        Assert.Equal(new Dictionary<string, object?> { ["title"] = "g3" }, masked);

        var list = new Dictionary<string, object?> { ["filter"] = "views >= 2", ["order_by"] = "views desc", ["page_size"] = 2 };
        var first = await service.CallAsync("List" + name + "s", list);
        Assert.Equal(["g5", "g4"], Titles(first));
        Assert.Equal(4, first["total_size"]);
        var token = Assert.IsType<string>(first["next_page_token"]);
        list["page_token"] = token;
        var second = await service.CallAsync("List" + name + "s", list);
        Assert.Equal(["g3", "g2"], Titles(second));
        Assert.False(second.ContainsKey("next_page_token"));

        var updated = await service.CallAsync("Update" + name, new Dictionary<string, object?>
        {
            [message] = new Dictionary<string, object?> { ["id"] = ids[0], ["title"] = "renamed", ["views"] = 99 },
            ["update_mask"] = new Dictionary<string, object?> { ["paths"] = new[] { "title" } },
        });
        Assert.Equal("renamed", updated["title"]);
        Assert.Equal(1, updated["views"]);

        var deleted = await service.CallAsync("Delete" + name, new Dictionary<string, object?> { ["id"] = ids[0] });
        Assert.Empty(deleted);
        var gone = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = ids[0] }));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Failures_get_their_status_codes()
    {
        var name = await DefineGadgetAsync();
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var message = MessageField(service, name);
        var create = new Dictionary<string, object?> { [message] = new Dictionary<string, object?> { ["title"] = "a", ["sku"] = "DUP" } };
        await service.CallAsync("Create" + name, create);

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Create" + name, create));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);

        var badFilter = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("List" + name + "s", new Dictionary<string, object?> { ["filter"] = "views >=" }));
        Assert.Equal(StatusCode.InvalidArgument, badFilter.StatusCode);
        var details = badFilter.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Contains(details.FieldViolations, v => v.Field == "filter");

        var random = await Assert.ThrowsAsync<RpcException>(() => service.CallRawAsync("Create" + name, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x07]));
        Assert.Equal(StatusCode.InvalidArgument, random.StatusCode);
        var valid = DescriptorCodec.Encode(service.Method("Get" + name).InputType, new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString() });
        var truncated = await Assert.ThrowsAsync<RpcException>(() => service.CallRawAsync("Get" + name, valid[..^5]));
        Assert.Equal(StatusCode.InvalidArgument, truncated.StatusCode);
    }

    [Fact]
    public async Task Wrong_wire_types_and_unknown_update_mask_paths_are_invalid_arguments_naming_the_field()
    {
        var name = await DefineGadgetAsync();
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var message = MessageField(service, name);
        var messageType = service.Method("Create" + name).InputType.FindFieldByNumber(1).MessageType;

        // views is an int32 (varint); send it length-delimited inside an otherwise valid record.
        using var record = new MemoryStream();
        record.Write(DescriptorCodec.Encode(messageType, new Dictionary<string, object?> { ["title"] = "t" }));
        var output = new CodedOutputStream(record);
        output.WriteTag(messageType.FindFieldByName("views").FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteString("7");
        output.Flush();
        using var request = new MemoryStream();
        var outer = new CodedOutputStream(request);
        outer.WriteTag(1, WireFormat.WireType.LengthDelimited);
        outer.WriteBytes(ByteString.CopyFrom(record.ToArray()));
        outer.Flush();
        var wrongInRecord = await Assert.ThrowsAsync<RpcException>(() => service.CallRawAsync("Create" + name, request.ToArray()));
        AssertViolation(wrongInRecord, $"{message}.views");

        // Get's id is a string (length-delimited); send a varint.
        var wrongId = await Assert.ThrowsAsync<RpcException>(() => service.CallRawAsync("Get" + name, [0x08, 0x01]));
        AssertViolation(wrongId, "id");

        var created = await service.CallAsync("Create" + name, new Dictionary<string, object?>
        {
            [message] = new Dictionary<string, object?> { ["title"] = "t" },
        });
        var unknownPath = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Update" + name, new Dictionary<string, object?>
        {
            [message] = new Dictionary<string, object?> { ["id"] = created["id"], ["title"] = "u" },
            ["update_mask"] = new Dictionary<string, object?> { ["paths"] = new[] { "title", "nope" } },
        }));
        AssertViolation(unknownPath, "update_mask.paths[1]");
        var unchanged = await service.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = created["id"] });
        Assert.Equal("t", unchanged["title"]);
    }

    [Fact]
    public async Task Reflection_follows_the_metadata_without_restart()
    {
        var before = await ReflectedService.ListServicesAsync(channel);
        var name = UniqueNames.Resource("Note");
        Assert.DoesNotContain(Service(name), before);

        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "text", "type": "String" } ] }""");
        Assert.Contains(Service(name), await ReflectedService.ListServicesAsync(channel));

        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "text", "type": "String" }, { "name": "stars", "type": "Int" } ] }""");
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var created = await service.CallAsync("Create" + name, new Dictionary<string, object?>
        {
            [MessageField(service, name)] = new Dictionary<string, object?> { ["text"] = "hi", ["stars"] = 4 },
        });
        Assert.Equal(4, created["stars"]);
        var read = await service.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = created["id"] });
        Assert.Equal(4, read["stars"]);
    }

    [Fact]
    public async Task A_removed_resource_is_no_longer_served()
    {
        var name = await DefineGadgetAsync();
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var get = new Dictionary<string, object?> { ["id"] = Guid.NewGuid().ToString() };
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Get" + name, get))).StatusCode);

        using var removed = await engine.Http.DeleteAsync($"/meta/resources/{name}?force=true");
        Assert.True(removed.IsSuccessStatusCode);

        Assert.Equal(StatusCode.Unimplemented, (await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Get" + name, get))).StatusCode);
        Assert.DoesNotContain(Service(name), await ReflectedService.ListServicesAsync(channel));
    }

    [Fact]
    public async Task Watch_accepts_the_call_and_ends_at_the_deadline_and_oversized_requests_are_refused()
    {
        var name = await DefineGadgetAsync();
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var watch = new Method<byte[], byte[]>(
            MethodType.ServerStreaming, Service(name), "Watch" + name + "s", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(watch, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)), []);
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);

        var oversized = await Assert.ThrowsAsync<RpcException>(() => service.CallRawAsync("Create" + name, new byte[5 * 1024 * 1024]));
        Assert.Equal(StatusCode.ResourceExhausted, oversized.StatusCode);
    }

    [Fact]
    public async Task Health_says_serving_and_meta_proto_shows_the_service()
    {
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        var name = await DefineGadgetAsync();
        var all = await engine.Http.GetStringAsync("/meta/proto");
        Assert.Contains($"service {name}Service {{", all);
        var one = await engine.Http.GetStringAsync($"/meta/proto?resource={name}");
        Assert.Contains($"rpc Get{name}(Get{name}Request) returns ({name});", one);
    }

    [Fact]
    public async Task Create_ValueBreakingFieldRules_IsInvalidArgumentPerFieldBeforeSql()
    {
        var name = UniqueNames.Resource("Gauge");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [
              { "name": "title", "type": "String", "required": true, "maxLength": 5 },
              { "name": "level", "type": "Int", "min": 0, "max": 10 } ] }
            """);
        var service = await ReflectedService.LoadAsync(channel, Service(name));
        var message = MessageField(service, name);

        var error = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Create" + name,
            new Dictionary<string, object?> { [message] = new Dictionary<string, object?> { ["title"] = "far too long", ["level"] = 11 } }));

        AssertViolation(error, message + ".title");
        AssertViolation(error, message + ".level");
        var table = Engine.Metadata.Naming.NameConventions.ToSnakeCase(name);
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\""));
    }

    private static void AssertViolation(RpcException error, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
    }

    private async Task<string> DefineGadgetAsync()
    {
        var name = UniqueNames.Resource("Gadget");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [
              { "name": "title", "type": "String", "required": true },
              { "name": "sku", "type": "String", "unique": true },
              { "name": "views", "type": "Int" } ] }
            """);
        return name;
    }

    private static string Service(string name) => $"engine.data.v1.{name}Service";

    /// <summary>The name of the resource field of a Create request, as the descriptor says.</summary>
    private static string MessageField(ReflectedService service, string name) => service.Method("Create" + name).InputType.FindFieldByNumber(1).Name;

    private static string[] Titles(Dictionary<string, object?> response) =>
        response.Values.OfType<List<object>>().Single().Cast<Dictionary<string, object?>>().Select(r => (string)r["title"]!).ToArray();
}
