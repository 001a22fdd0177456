using System.Text.Json;
using Engine.GraphQL.Execution;
using Engine.Query.Errors;

namespace Engine.GraphQL.Tests.Execution;

public class GraphQLExecutorTests
{
    private readonly ExecutorFixture fixture = new();

    [Fact]
    public async Task ExecuteAsync_Query_RunsAllResourceFieldsInOneCallAndSplicesTheirJsonAsIs()
    {
        fixture.Plans.Returns("a", """[ {"id" :  "x"} ]""").Returns("b", "null");

        var (result, json) = await fixture.RunAsync("""{ a: posts { id } __typename b: post(where: { slug: "s" }) { id } v: _version }""");

        Assert.Equal(GraphQLResultKind.Executed, result.Kind);
        var call = Assert.Single(fixture.Plans.Calls);
        Assert.Equal("query", call.Kind);
        Assert.Equal(["a", "b"], call.Plans.Select(p => p.Key));
        Assert.Equal("""{"data":{"a":[ {"id" :  "x"} ],"__typename":"Query","b":null,"v":"7"}}""", json);
    }

    [Fact]
    public async Task ExecuteAsync_QueryWithoutResourceFields_DoesNotCallTheDatabase()
    {
        var (_, json) = await fixture.RunAsync("{ __typename }");

        Assert.Empty(fixture.Plans.Calls);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", json);
    }

    [Fact]
    public async Task ExecuteAsync_FailedNullableField_IsNullWithAnError()
    {
        fixture.Plans.Returns("posts", "[]").Fails("post", new EngineError(ErrorCode.NotFound, "No Post matches.", "where.slug"));

        var (_, json) = await fixture.RunAsync("""{ posts { id } post(where: { slug: "s" }) { id } }""");

        Assert.Equal(
            """{"data":{"posts":[],"post":null},"errors":[{"message":"No Post matches.","path":["post"],"extensions":{"code":"NOT_FOUND","field":"where.slug"}}]}""",
            json);
    }

    [Fact]
    public async Task ExecuteAsync_FailedNonNullField_MakesDataNull()
    {
        fixture.Plans.Fails("posts", new EngineError(ErrorCode.Unavailable, "The database is unavailable.")).Returns("post", "null");

        var (_, json) = await fixture.RunAsync("""{ posts { id } post(where: { slug: "s" }) { id } }""");

        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("data").ValueKind);
        Assert.Equal("UNAVAILABLE", document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_SameQueryWithoutVariables_PlansItOnce()
    {
        fixture.Plans.Returns("posts", "[]");
        const string query = """{ posts(where: { title_contains: "a" }, first: 3) { id } }""";

        await fixture.RunAsync(query);
        await fixture.RunAsync(query, "{}");

        Assert.Equal(2, fixture.Plans.Calls.Count);
        Assert.Same(fixture.Plans.Calls[0].Plans.Single(), fixture.Plans.Calls[1].Plans.Single());
    }

    [Fact]
    public async Task ExecuteAsync_SameQueryWithVariables_PlansEachRequest()
    {
        fixture.Plans.Returns("posts", "[]");
        const string query = """query Q($t: String) { posts(where: { title_contains: $t }) { id } }""";

        await fixture.RunAsync(query, """{"t":"a"}""");
        await fixture.RunAsync(query, """{"t":"b"}""");

        Assert.NotSame(fixture.Plans.Calls[0].Plans.Single(), fixture.Plans.Calls[1].Plans.Single());
        Assert.NotEqual(fixture.Plans.Calls[0].Plans.Single(), fixture.Plans.Calls[1].Plans.Single());
    }

    [Fact]
    public async Task ExecuteAsync_SameCreateWithoutVariables_PlansEachRequestWithANewId()
    {
        fixture.Plans.Returns("createPost", """{"id":"x"}""");
        const string mutation = """mutation { createPost(data: { title: "t", slug: "s", editor: { connect: { email: "e@x" } } }) { id } }""";

        await fixture.RunAsync(mutation);
        await fixture.RunAsync(mutation);

        var first = Assert.IsType<Engine.Query.Plans.CreatePlan>(fixture.Plans.Calls[0].Plans.Single());
        var second = Assert.IsType<Engine.Query.Plans.CreatePlan>(fixture.Plans.Calls[1].Plans.Single());
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task ExecuteAsync_Mutation_RunsFieldsOneByOneInOrder()
    {
        fixture.Plans.Returns("b", """{"count":"2"}""").Returns("a", """{"count":"1"}""");

        var (_, json) = await fixture.RunAsync("mutation { b: deleteManyPosts { count } a: deleteManyAuthors { count } }");

        Assert.Equal(["mutate", "mutate"], fixture.Plans.Calls.Select(c => c.Kind));
        Assert.Equal(["b", "a"], fixture.Plans.Calls.Select(c => c.Plans.Single().Key));
        Assert.Equal("""{"data":{"b":{"count":"2"},"a":{"count":"1"}}}""", json);
    }

    [Fact]
    public async Task ExecuteAsync_FailedNonNullMutation_StopsAndMakesDataNull()
    {
        fixture.Plans
            .Fails("first", new EngineError(ErrorCode.UniqueViolation, "A Post with this slug exists.", "data.slug"))
            .Returns("second", """{"count":"0"}""");

        var (_, json) = await fixture.RunAsync("""
            mutation {
              first: createPost(data: { title: "t", slug: "s", editor: { connect: { email: "e@x" } } }) { id }
              second: deleteManyPosts { count }
            }
            """);

        Assert.Single(fixture.Plans.Calls);
        Assert.Equal(
            """{"data":null,"errors":[{"message":"A Post with this slug exists.","path":["first"],"extensions":{"code":"UNIQUE_VIOLATION","field":"data.slug"}}]}""",
            json);
    }

    [Fact]
    public async Task ExecuteAsync_UnexpectedException_IsInternalWithoutDetails()
    {
        fixture.Plans.Throws("post", new InvalidOperationException("relation \"data\".\"post\" does not exist at SELECT ..."));

        var (_, json) = await fixture.RunAsync("""{ post(where: { slug: "s" }) { id } }""");

        Assert.DoesNotContain("SELECT", json, StringComparison.Ordinal);
        Assert.DoesNotContain("relation", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("INTERNAL", document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_EngineException_IsReportedAsItsError()
    {
        fixture.Plans.Throws("post", new EngineException(new EngineError(ErrorCode.Forbidden, "Not allowed.")));

        var (_, json) = await fixture.RunAsync("""{ post(where: { slug: "s" }) { id } }""");

        Assert.Contains("\"code\":\"FORBIDDEN\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_SyntaxError_IsARequestErrorWithLocation()
    {
        var (result, json) = await fixture.RunAsync("{ posts { id }");

        Assert.Equal(GraphQLResultKind.RequestError, result.Kind);
        Assert.False(result.HasData);
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.TryGetProperty("data", out _));
        var error = document.RootElement.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task ExecuteAsync_ValidationError_IsARequestErrorAndNothingRuns()
    {
        var (result, _) = await fixture.RunAsync("{ posts { nope } }");

        Assert.Equal(GraphQLResultKind.RequestError, result.Kind);
        Assert.Empty(fixture.Plans.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidInput_IsARequestErrorWithFieldAndNothingRuns()
    {
        var (result, json) = await fixture.RunAsync("""mutation { updatePost(where: { slug: "a" }, data: { rating: 9 }) { id } }""");

        Assert.Equal(GraphQLResultKind.RequestError, result.Kind);
        Assert.Empty(fixture.Plans.Calls);
        Assert.Contains("\"field\":\"data.rating\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_MutationWhereMutationsAreNotAllowed_IsRejectedBeforeRunning()
    {
        var (result, _) = await fixture.RunAsync("mutation { deleteManyPosts { count } }", allowMutations: false);

        Assert.Equal(GraphQLResultKind.MutationNotAllowed, result.Kind);
        Assert.Empty(fixture.Plans.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_SameQueryTwice_ParsesOnce()
    {
        fixture.Plans.Returns("posts", "[]");

        await fixture.RunAsync("{ posts { id } }");
        await fixture.RunAsync("{ posts { id } }");

        Assert.Equal(1, fixture.Cache.Count);
        Assert.Equal(2, fixture.Plans.Calls.Count);
    }

    [Fact]
    public async Task ExecuteAsync_Introspection_IsWrittenInPlace()
    {
        fixture.Plans.Returns("posts", "[]");

        var (_, json) = await fixture.RunAsync("{ posts { id } t: __type(name: \"Post\") { name kind } }");

        Assert.Equal("""{"data":{"posts":[],"t":{"name":"Post","kind":"OBJECT"}}}""", json);
    }
}
