using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.GraphQL;

[Collection(EngineCollection.Name)]
public sealed class ErrorTests(EngineServer engine)
{
    private static string Code(JsonNode response) => response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private async Task<string> DefineAsync()
    {
        var name = UniqueNames.Resource("Account");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [
              { "name": "email", "type": "String", "required": true, "unique": true, "maxLength": 20 },
              { "name": "age", "type": "Int", "min": 0, "max": 150 } ] }
            """);
        return name;
    }

    [Fact]
    public async Task WrongArgumentType_IsBadUserInput()
    {
        var name = await DefineAsync();
        var response = await engine.GraphQLAsync($$"""mutation { create{{name}}(data: { email: "x@y", age: "old" }) { id } }""");
        Assert.Equal("BAD_USER_INPUT", Code(response));
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task UnknownField_IsBadUserInputWithLocation()
    {
        var name = await DefineAsync();
        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        var response = await engine.GraphQLAsync($"{{ {plural} {{ id nickname }} }}");
        Assert.Equal("BAD_USER_INPUT", Code(response));
        Assert.Contains("nickname", response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(response["errors"]![0]!["locations"]);
    }

    [Fact]
    public async Task FirstOverTheCap_IsBadUserInputNamingTheLimit()
    {
        var name = await DefineAsync();
        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        var response = await engine.GraphQLAsync($"{{ {plural}(first: 5000) {{ id }} }}");
        Assert.Equal("BAD_USER_INPUT", Code(response));
        Assert.Contains("1000", response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldRuleViolations_AreReportedPerFieldBeforeSql()
    {
        var name = await DefineAsync();
        var response = await engine.GraphQLAsync($$"""mutation { create{{name}}(data: { email: "much-too-long-address@example.com", age: 200 }) { id } }""");
        var fields = response["errors"]!.AsArray().Select(e => e!["extensions"]!["field"]?.GetValue<string>()).ToArray();
        Assert.All(response["errors"]!.AsArray(), e => Assert.Equal("BAD_USER_INPUT", e!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Contains("data.email", fields);
        Assert.Contains("data.age", fields);
        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        Assert.Empty((await engine.QueryAsync($"{{ {plural} {{ id }} }}"))[plural]!.AsArray());
    }

    [Fact]
    public async Task DuplicateUniqueValue_IsUniqueViolation()
    {
        var name = await DefineAsync();
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { email: "dup@x.io" }) { id } }""");
        var response = await engine.GraphQLAsync($$"""mutation { create{{name}}(data: { email: "dup@x.io" }) { id } }""");
        Assert.Equal("UNIQUE_VIOLATION", Code(response));
        var text = response.ToJsonString();
        Assert.DoesNotContain("INSERT", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("23505", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectToMissingRecordOrRestrictedDelete_IsForeignKeyViolationOrNotFound()
    {
        var parent = UniqueNames.Resource("Team");
        var child = UniqueNames.Resource("Player");
        await engine.DefineAsync(parent, $$"""{ "name": "{{parent}}", "fields": [ { "name": "title", "type": "String" } ] }""");
        await engine.DefineAsync(child, $$"""
            { "name": "{{child}}", "fields": [ { "name": "team", "type": "Relation", "target": "{{parent}}", "cardinality": "one", "onDelete": "RESTRICT" } ] }
            """);

        var missing = await engine.GraphQLAsync($$"""mutation { create{{child}}(data: { team: { connect: { id: "0190a0a0-0000-7000-8000-000000000000" } } }) { id } }""");
        Assert.Contains(Code(missing), new[] { "FOREIGN_KEY_VIOLATION", "NOT_FOUND" });

        var team = await engine.QueryAsync($$"""mutation { create{{parent}}(data: { title: "A" }) { id } }""");
        var teamId = team[$"create{parent}"]!["id"]!.GetValue<string>();
        await engine.QueryAsync($$"""mutation { create{{child}}(data: { team: { connect: { id: "{{teamId}}" } } }) { id } }""");
        var restricted = await engine.GraphQLAsync($$"""mutation { delete{{parent}}(where: { id: "{{teamId}}" }) { id } }""");
        Assert.Equal("FOREIGN_KEY_VIOLATION", Code(restricted));
    }

    [Fact]
    public async Task SyntaxError_IsBadUserInput()
    {
        var response = await engine.GraphQLAsync("{ broken(");
        Assert.Equal("BAD_USER_INPUT", Code(response));
    }

    [Fact]
    public async Task MalformedJsonBody_Is400WithGraphQLError()
    {
        using var response = await engine.Http.PostAsync("/graphql", new StringContent("{\"query\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task MissingRequiredVariable_IsBadUserInput()
    {
        var name = await DefineAsync();
        var lower = char.ToLowerInvariant(name[0]) + name[1..];
        using var http = await engine.Http.PostAsJsonAsync("/graphql", new { query = $"query($id: ID!) {{ {lower}(where: {{ id: $id }}) {{ id }} }}" });
        var body = JsonNode.Parse(await http.Content.ReadAsStringAsync())!;
        Assert.Equal("BAD_USER_INPUT", Code(body));
    }
}
