using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Access.Protocols.GraphQL;

/// <summary>SPEC §6 over GraphQL: each role set gets its own schema (introspection and validation), anonymous gets what resources grant it.</summary>
[Collection(EngineCollection.Name)]
public sealed class GraphQLRoleSchemaTests(EngineServer engine)
{
    [Fact]
    public async Task Introspection_RoleWithFieldList_ListsOnlyReadableFieldsAndItsRootFields()
    {
        var name = await DefineAsync("""[ { "role": "viewer", "actions": ["read"], "fields": ["title"] } ]""");
        using var viewer = await ClientAsync("viewer");

        var data = await QueryAsync(viewer, $$"""{ __type(name: "{{name}}") { fields { name } } __schema { mutationType { name } queryType { fields { name } } } }""");

        Assert.Equal(["id", "title"], data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Null(data["__schema"]!["mutationType"]);
        var roots = data["__schema"]!["queryType"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.Contains(Camel(name) + "s", roots);
        Assert.Contains(Camel(name) + "sConnection", roots);
    }

    [Fact]
    public async Task Query_FieldOutsideTheAllowList_FailsValidation()
    {
        var name = await DefineAsync("""[ { "role": "viewer", "actions": ["read"], "fields": ["title"] } ]""");
        using var viewer = await ClientAsync("viewer");

        var response = await PostAsync(viewer, $$"""{ {{Camel(name)}}s { title secret } }""");

        Assert.Null(response["data"]);
        Assert.Contains($"Cannot query field \"secret\" on type \"{name}\"", response["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_Admin_SeesEveryFieldAndMutation()
    {
        var name = await DefineAsync("""[ { "role": "viewer", "actions": ["read"], "fields": ["title"] } ]""");

        var data = await engine.QueryAsync($$"""{ __type(name: "{{name}}") { fields { name } } __schema { mutationType { name } } }""");

        Assert.Equal(["id", "createdAt", "updatedAt", "title", "secret"], data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("Mutation", data["__schema"]!["mutationType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_AnonymousWithoutGrant_FindsNoSuchField()
    {
        var name = await DefineAsync("""[ { "role": "viewer", "actions": ["read"] } ]""");
        using var anonymous = new HttpClient { BaseAddress = engine.BaseAddress };

        var response = await PostAsync(anonymous, $$"""{ {{Camel(name)}}s { id } }""");
        var type = await PostAsync(anonymous, $$"""{ __type(name: "{{name}}") { name } }""");

        Assert.Contains($"Cannot query field \"{Camel(name)}s\" on type \"Query\"", response["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Null(type["data"]!["__type"]);
    }

    [Fact]
    public async Task Query_AnonymousGranted_ReadsTheRowsWithTheGrantedFields()
    {
        var name = await DefineAsync("""[ { "role": "anonymous", "actions": ["read"], "fields": ["title"] } ]""");
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { title: "public", secret: "s" }) { id } }""");
        using var anonymous = new HttpClient { BaseAddress = engine.BaseAddress };

        var data = await QueryAsync(anonymous, $$"""{ {{Camel(name)}}s { title } }""");

        Assert.Equal("public", data[Camel(name) + "s"]![0]!["title"]!.GetValue<string>());
    }

    private async Task<string> DefineAsync(string access)
    {
        var name = UniqueNames.Resource("Roled");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String" }, { "name": "secret", "type": "String" } ], "access": {{access}} }
            """);
        return name;
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var token = await RoleTokens.CreateAsync(engine.Http, [role]);
        var client = new HttpClient { BaseAddress = engine.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> QueryAsync(HttpClient client, string query)
    {
        var response = await PostAsync(client, query);
        Assert.True(response["errors"] is null, $"unexpected errors: {response.ToJsonString()}");
        return response["data"]!;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
