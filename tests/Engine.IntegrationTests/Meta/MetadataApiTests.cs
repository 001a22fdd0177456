using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Meta;

[Collection(EngineCollection.Name)]
public sealed class MetadataApiTests(EngineServer engine)
{
    private static string Definition(string name, string fields) => $$"""{ "name": "{{name}}", "fields": [ {{fields}} ] }""";

    [Fact]
    public async Task Put_NewResource_CreatesTableAndReturnsVersionAndPlan()
    {
        var name = UniqueNames.Resource("Book");
        var (status, body) = await engine.PutResourceAsync(name, Definition(name, """{ "name": "title", "type": "String", "required": true }"""));

        Assert.Equal(200, status);
        Assert.True(body!["version"]!.GetValue<long>() > 0);
        var plan = body["plan"]!.AsArray();
        Assert.Contains(plan, s => s!["kind"]!.GetValue<string>() == "createTable");
        Assert.All(plan, s => Assert.False(s!["destructive"]!.GetValue<bool>()));
        var table = Engine.Metadata.Naming.NameConventions.ToSnakeCase(name);
        Assert.Equal(1L, await engine.Database.ScalarAsync(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'data' AND table_name = $1", table));
    }

    [Fact]
    public async Task Put_InvalidDefinition_Returns400WithPaths()
    {
        var name = UniqueNames.Resource("Bad");
        var (status, body) = await engine.PutResourceAsync(name, Definition(name,
            """{ "name": "title", "type": "Strng" }, { "name": "Count", "type": "Int" }, { "name": "size", "type": "Int", "min": 10, "max": 1 }"""));

        Assert.Equal(400, status);
        var paths = body!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
        Assert.Contains("fields[0].type", paths);
        Assert.Contains("fields[1].name", paths);
        Assert.Contains(paths, p => p.StartsWith("fields[2].", StringComparison.Ordinal));
        Assert.All(body["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Put_MalformedJson_Returns400WithMessage()
    {
        var name = UniqueNames.Resource("Broken");
        var (status, body) = await engine.PutResourceAsync(name, """{ "name": "X", "fields": [ { "name": "a", "type": """);

        Assert.Equal(400, status);
        Assert.NotEmpty(body!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Put_UnknownProperty_Returns400WithItsPath()
    {
        var name = UniqueNames.Resource("Typo");
        var (status, body) = await engine.PutResourceAsync(name, Definition(name, """{ "name": "title", "type": "String", "maxLen": 3 }"""));

        Assert.Equal(400, status);
        Assert.Contains(body!["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "fields[0].maxLen");
    }

    [Fact]
    public async Task Put_NameDiffersFromUrl_Returns400()
    {
        var name = UniqueNames.Resource("Mismatch");
        var (status, body) = await engine.PutResourceAsync(name, Definition(name + "Other", """{ "name": "title", "type": "String" }"""));

        Assert.Equal(400, status);
        Assert.Equal("name", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Resource_ReturnsDefinitionWithVersionETag()
    {
        var name = UniqueNames.Resource("Shelf");
        var version = await engine.DefineAsync(name, Definition(name, """{ "name": "label", "type": "String" }"""));

        using var response = await engine.Http.GetAsync($"/meta/resources/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag!.Tag.Trim('"');
        Assert.True(long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture) >= version);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal("label", body["fields"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_UnknownResource_Returns404()
    {
        using var response = await engine.Http.GetAsync($"/meta/resources/{UniqueNames.Resource("Nobody")}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Put_StaleIfMatch_Returns412AndChangesNothing()
    {
        var name = UniqueNames.Resource("Lamp");
        var version = await engine.DefineAsync(name, Definition(name, """{ "name": "watts", "type": "Int" }"""));
        await engine.DefineAsync(name, Definition(name, """{ "name": "watts", "type": "Int" }, { "name": "color", "type": "String" }"""));

        var (status, _) = await engine.PutResourceAsync(name,
            Definition(name, """{ "name": "watts", "type": "Int" }, { "name": "brand", "type": "String" }"""), $"\"{version}\"");

        Assert.Equal(412, status);
        var columns = await engine.Database.ScalarAsync(
            "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = 'data' AND table_name = $1",
            Engine.Metadata.Naming.NameConventions.ToSnakeCase(name));
        Assert.DoesNotContain("brand", (string)columns!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ConcurrentChanges_NeverInterleave()
    {
        var names = Enumerable.Range(0, 6).Select(_ => UniqueNames.Resource("Race")).ToArray();
        var results = await Task.WhenAll(names.Select(n => engine.PutResourceAsync(n, Definition(n, """{ "name": "v", "type": "Int" }"""))));

        Assert.All(results, r => Assert.Equal(200, r.Status));
        var versions = results.Select(r => r.Body!["version"]!.GetValue<long>()).Order().ToArray();
        Assert.Equal(versions.Length, versions.Distinct().Count());

        // Each version row records exactly one of the changes, and every table exists.
        foreach (var name in names)
        {
            Assert.Equal(1L, await engine.Database.ScalarAsync(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'data' AND table_name = $1",
                Engine.Metadata.Naming.NameConventions.ToSnakeCase(name)));
        }
    }

    [Fact]
    public async Task Put_DropField_RefusedUnlessAllowed()
    {
        var name = UniqueNames.Resource("Pen");
        await engine.DefineAsync(name, Definition(name, """{ "name": "ink", "type": "String" }, { "name": "tip", "type": "String" }"""));

        var (refused, body) = await engine.PutResourceAsync(name, Definition(name, """{ "name": "ink", "type": "String" }"""));
        Assert.Equal(409, refused);
        Assert.Contains(body!["plan"]!.AsArray(), s => s!["destructive"]!.GetValue<bool>());

        using var allowed = await engine.Http.PutAsync($"/meta/resources/{name}?allowDestructive=true",
            new StringContent(Definition(name, """{ "name": "ink", "type": "String" }"""), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Apply_DryRun_ReturnsPlanAndChangesNothing()
    {
        var name = UniqueNames.Resource("Draft");
        var document = new JsonObject
        {
            ["resources"] = new JsonArray(
                JsonNode.Parse((await engine.Http.GetStringAsync("/meta")))!["resources"]!.AsArray()
                    .Select(r => r!.DeepClone()).Append(JsonNode.Parse(Definition(name, """{ "name": "x", "type": "Int" }"""))).ToArray()),
        };

        using var response = await engine.Http.PostAsync("/meta/apply?dryRun=true",
            new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(body["plan"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "createTable");
        using var get = await engine.Http.GetAsync($"/meta/resources/{name}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Delete_ResourceWithRows_Returns409UnlessForced()
    {
        var name = UniqueNames.Resource("Cup");
        await engine.DefineAsync(name, Definition(name, """{ "name": "size", "type": "Int" }"""));
        await engine.QueryAsync($"mutation {{ create{name}(data: {{ size: 3 }}) {{ id }} }}");

        using var refused = await engine.Http.DeleteAsync($"/meta/resources/{name}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        using var forced = await engine.Http.DeleteAsync($"/meta/resources/{name}?force=true");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        using var get = await engine.Http.GetAsync($"/meta/resources/{name}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task History_AfterChanges_ListsVersionsWithAuthorAndSummary()
    {
        var name = UniqueNames.Resource("Log");
        var version = await engine.DefineAsync(name, Definition(name, """{ "name": "line", "type": "String" }"""));

        var history = JsonNode.Parse(await engine.Http.GetStringAsync("/meta/history"))!["versions"]!.AsArray();
        var entry = history.First(v => v!["version"]!.GetValue<long>() == version)!;
        Assert.Contains(name, entry["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(entry["author"]!.GetValue<string>()));
        Assert.True(entry["time"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddHours(-1));
    }
}
