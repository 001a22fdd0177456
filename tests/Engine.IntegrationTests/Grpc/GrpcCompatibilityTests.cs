using System.Net;
using System.Text;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Grpc;

/// <summary>
/// Issue 4's compatibility promise: a client holding the descriptors of an older metadata version keeps working after
/// a field is added (it skips the new field) and after a field is removed (the server skips the field it still sends),
/// and the removed field's number and name become <c>reserved</c> in the live descriptors.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcCompatibilityTests(EngineServer engine) : IDisposable
{
    private const string Title = """{ "name": "title", "type": "String", "required": true }""";
    private const string Views = """{ "name": "views", "type": "Int" }""";
    private const string Note = """{ "name": "note", "type": "String" }""";
    private const string Stars = """{ "name": "stars", "type": "Int" }""";

    private readonly GrpcChannel channel = engine.CreateGrpcChannel();

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task A_client_with_old_descriptors_keeps_working_after_a_field_is_added_and_after_one_is_removed()
    {
        var name = UniqueNames.Resource("Gizmo");
        await engine.DefineAsync(name, Definition(name, Title, Views, Note));
        var old = await ReflectedService.LoadAsync(channel, Service(name));
        var first = (string)(await CreateAsync(old, name, new() { ["title"] = "a", ["views"] = 1, ["note"] = "kept" }))["id"]!;

        await engine.DefineAsync(name, Definition(name, Title, Views, Note, Stars));
        var added = await ReflectedService.LoadAsync(channel, Service(name));
        var starred = (string)(await CreateAsync(added, name, new() { ["title"] = "b", ["views"] = 2, ["stars"] = 5 }))["id"]!;

        var created = await CreateAsync(old, name, new() { ["title"] = "c", ["views"] = 3, ["note"] = "n" });
        Assert.Equal("n", created["note"]);
        var read = await old.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = starred });
        Assert.Equal("b", read["title"]);
        Assert.DoesNotContain("stars", read.Keys);
        Assert.Equal(["a", "b", "c"], await TitlesAsync(old));

        var noteNumber = old.Service.File.MessageTypes.Single(m => m.Name == name).FindFieldByName("note").FieldNumber;
        using var removed = await engine.Http.PutAsync($"/meta/resources/{name}?allowDestructive=true",
            new StringContent(Definition(name, Title, Views, Stars), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        // The old client still sends "note" under its old number: the server skips it as an unknown field.
        var afterRemoval = await CreateAsync(old, name, new() { ["title"] = "d", ["views"] = 4, ["note"] = "dropped" });
        Assert.Equal("d", afterRemoval["title"]);
        Assert.DoesNotContain("note", afterRemoval.Keys);
        var again = await old.CallAsync("Get" + name, new Dictionary<string, object?> { ["id"] = first });
        Assert.Equal(new Dictionary<string, object?> { ["title"] = "a", ["views"] = 1 }, Without(again, "id", "create_time", "update_time"));
        Assert.Equal(["a", "b", "c", "d"], await TitlesAsync(old));

        var live = (await ReflectedService.LoadAsync(channel, Service(name))).Service.File.MessageTypes.Single(m => m.Name == name).ToProto();
        Assert.Contains(live.ReservedRange, r => r.Start <= noteNumber && noteNumber < r.End);
        Assert.Contains("note", live.ReservedName);
        Assert.DoesNotContain(live.Field, f => f.Number == noteNumber);
    }

    private static async Task<Dictionary<string, object?>> CreateAsync(ReflectedService service, string name, Dictionary<string, object?> record)
    {
        var message = service.Method("Create" + name).InputType.FindFieldByNumber(1).Name;
        return await service.CallAsync("Create" + name, new Dictionary<string, object?> { [message] = record });
    }

    private static async Task<string[]> TitlesAsync(ReflectedService service)
    {
        var list = service.Service.Methods.Single(m => m.Name.StartsWith("List", StringComparison.Ordinal)).Name;
        var response = await service.CallAsync(list, new Dictionary<string, object?> { ["order_by"] = "title", ["page_size"] = 10 });
        return response.Values.OfType<List<object>>().Single().Cast<Dictionary<string, object?>>().Select(r => (string)r["title"]!).ToArray();
    }

    private static Dictionary<string, object?> Without(Dictionary<string, object?> record, params string[] keys) =>
        record.Where(p => !keys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);

    private static string Definition(string name, params string[] fields) =>
        $$"""{ "name": "{{name}}", "fields": [ {{string.Join(", ", fields)}} ] }""";

    private static string Service(string name) => $"engine.data.v1.{name}Service";
}
