using System.Net;
using System.Text;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Grpc;

/// <summary>
/// Issue 4's compatibility promise for enum values: a client holding the descriptors of an older metadata version
/// writes and reads an Enum field correctly after a value is inserted before the one it uses and after another value
/// is removed, and the removed value's number and name become <c>reserved</c> in the live nested enum.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcEnumCompatibilityTests(EngineServer engine) : IDisposable
{
    private const string Title = """{ "name": "title", "type": "String", "required": true }""";

    private readonly GrpcChannel channel = engine.CreateGrpcChannel();

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task A_client_with_old_descriptors_keeps_its_enum_values_after_one_is_inserted_and_another_removed()
    {
        var name = UniqueNames.Resource("Voucher");
        await engine.DefineAsync(name, Definition(name, "DRAFT", "SENT", "PAID"));
        var old = await ReflectedService.LoadAsync(channel, Service(name));
        var oldStatus = StatusEnum(old, name);

        await engine.DefineAsync(name, Definition(name, "DRAFT", "SENT", "REVIEW", "PAID"));
        var inserted = await CreateAsync(old, name, "a", oldStatus.FindValueByName("STATUS_PAID").Number);
        Assert.Equal("STATUS_PAID", oldStatus.FindValueByNumber((int)inserted["status"]!).Name);
        Assert.Equal("PAID", await StatusOfAsync(name, (string)inserted["id"]!));

        using var removed = await engine.Http.PutAsync($"/meta/resources/{name}?allowDestructive=true",
            new StringContent(Definition(name, "DRAFT", "REVIEW", "PAID"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        var afterRemoval = await CreateAsync(old, name, "b", oldStatus.FindValueByName("STATUS_PAID").Number);
        var read = await old.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = afterRemoval["id"] });
        Assert.Equal("STATUS_PAID", oldStatus.FindValueByNumber((int)read["status"]!).Name);
        Assert.Equal("PAID", await StatusOfAsync(name, (string)afterRemoval["id"]!));
        var again = await old.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = inserted["id"] });
        Assert.Equal("STATUS_PAID", oldStatus.FindValueByNumber((int)again["status"]!).Name);

        // The removed value's number is reserved: an old client sending it is told so, never given another value.
        var sent = oldStatus.FindValueByName("STATUS_SENT").Number;
        var refused = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(old, name, "c", sent));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);

        var live = StatusEnum(await ReflectedService.LoadAsync(channel, Service(name)), name).ToProto();
        Assert.Contains(live.ReservedRange, r => r.Start <= sent && sent <= r.End);
        Assert.Contains("STATUS_SENT", live.ReservedName);
        Assert.Equal(
            [("STATUS_UNSPECIFIED", 0), ("STATUS_DRAFT", 1), ("STATUS_REVIEW", 4), ("STATUS_PAID", 3)],
            live.Value.Select(v => (v.Name, v.Number)));
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(ReflectedService service, string name, string title, int status)
    {
        var message = service.Method("Create" + name).InputType.FindFieldByNumber(1).Name;
        return await service.CallAsync("Create" + name, new Dictionary<string, object?>
        {
            [message] = new Dictionary<string, object?> { ["title"] = title, ["status"] = status },
        });
    }

    /// <summary>The stored value, read by name through GraphQL (which knows nothing of protobuf numbers).</summary>
    private async Task<string?> StatusOfAsync(string name, string id)
    {
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        var response = await engine.GraphQLAsync($$"""query($id: ID!) { {{field}}(where: { id: $id }) { status } }""", new { id });
        return response["data"]?[field]?["status"]?.GetValue<string>();
    }

    private static EnumDescriptor StatusEnum(ReflectedService service, string name) =>
        service.Service.File.MessageTypes.Single(m => m.Name == name).EnumTypes.Single(e => e.Name == "Status");

    private static string Definition(string name, params string[] values) =>
        $$"""{ "name": "{{name}}", "fields": [ {{Title}}, { "name": "status", "type": "Enum", "values": [{{string.Join(", ", values.Select(v => $"\"{v}\""))}}] } ] }""";

    private static string Service(string name) => $"engine.data.v1.{name}Service";
}
