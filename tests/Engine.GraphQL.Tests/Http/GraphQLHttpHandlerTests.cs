using System.Text;
using System.Text.Json;
using Engine.GraphQL.Http;
using Engine.GraphQL.Tests.Execution;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.GraphQL.Tests.Http;

public class GraphQLHttpHandlerTests
{
    private readonly ExecutorFixture fixture = new();

    [Fact]
    public async Task HandleAsync_PostJson_ExecutesWithVariables()
    {
        fixture.Plans.Returns("posts", """[{"id":"1"}]""");

        var (status, contentType, body) = await PostAsync(
            """{"query": "query ($n: Int) { posts(first: $n) { id } }", "operationName": null, "variables": {"n": 2}}""");

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal("""{"data":{"posts":[{"id":"1"}]}}""", body);
        var plan = Assert.IsType<Engine.Query.Plans.FindManyPlan>(Assert.Single(Assert.Single(fixture.Plans.Calls).Plans));
        Assert.Equal(2, plan.Arguments.First);
    }

    [Fact]
    public async Task HandleAsync_PostGraphQLBody_ExecutesTheText()
    {
        var (status, _, body) = await PostAsync("{ __typename }", "application/graphql");

        Assert.Equal(200, status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", body);
    }

    [Fact]
    public async Task HandleAsync_ValidationErrorWithJson_Is200()
    {
        var (status, _, body) = await PostAsync("""{"query": "{ nope }"}""");

        Assert.Equal(200, status);
        Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ValidationErrorWithGraphQLResponseJson_Is400()
    {
        var (status, contentType, _) = await PostAsync("""{"query": "{ nope }"}""", accept: "application/graphql-response+json");

        Assert.Equal(400, status);
        Assert.StartsWith("application/graphql-response+json", contentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"query": 12}""")]
    [InlineData("""{"query": "{ __typename }", "variables": [1]}""")]
    public async Task HandleAsync_MalformedBody_Is400WithAGraphQLError(string json)
    {
        var (status, _, body) = await PostAsync(json);

        Assert.Equal(400, status);
        AssertGraphQLError(body, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task HandleAsync_BodyOverTheLimit_Is413()
    {
        var query = "{ __typename " + new string(' ', 300) + "}";

        var (status, _, body) = await PostAsync(JsonSerializer.Serialize(new { query }), maxRequestBytes: 200);

        Assert.Equal(413, status);
        AssertGraphQLError(body, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task HandleAsync_OtherContentType_Is415()
    {
        var (status, _, _) = await PostAsync("query={}", "application/x-www-form-urlencoded");

        Assert.Equal(415, status);
    }

    [Fact]
    public async Task HandleAsync_GetQuery_Executes()
    {
        fixture.Plans.Returns("post", "null");
        var http = Context("GET", null, null);
        http.Request.QueryString = QueryString.Create(new Dictionary<string, string?>
        {
            ["query"] = "query Q($x: String) { post(where: { slug: $x }) { id } }",
            ["variables"] = """{"x": "y"}""",
        });

        var (status, _, body) = await RunAsync(http);

        Assert.Equal(200, status);
        Assert.Equal("""{"data":{"post":null}}""", body);
        var plan = Assert.IsType<Engine.Query.Plans.FindUniquePlan>(Assert.Single(Assert.Single(fixture.Plans.Calls).Plans));
        Assert.Equal("y", Assert.IsType<Engine.Query.Filters.ComparisonFilter>(plan.Where).Value);
    }

    [Fact]
    public async Task HandleAsync_GetMutation_Is405AndDoesNotRun()
    {
        var http = Context("GET", null, null);
        http.Request.QueryString = QueryString.Create("query", "mutation { deleteManyPosts { count } }");

        var (status, _, body) = await RunAsync(http);

        Assert.Equal(405, status);
        Assert.Equal("POST", http.Response.Headers.Allow.ToString());
        Assert.Empty(fixture.Plans.Calls);
        AssertGraphQLError(body, "BAD_USER_INPUT");
    }

    [Fact]
    public async Task HandleAsync_BrowserGet_ServesGraphiQL()
    {
        var http = Context("GET", null, null);
        http.Request.Headers.Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        var (status, contentType, body) = await RunAsync(http);

        Assert.Equal(200, status);
        Assert.StartsWith("text/html", contentType, StringComparison.Ordinal);
        Assert.Contains("graphiql", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoSnapshotYet_Is503()
    {
        var (status, _, body) = await RunAsync(Context("POST", """{"query": "{ __typename }"}""", "application/json"), new SnapshotHolder());

        Assert.Equal(503, status);
        AssertGraphQLError(body, "UNAVAILABLE");
    }

    private Task<(int Status, string ContentType, string Body)> PostAsync(
        string body, string contentType = "application/json", string? accept = null, int maxRequestBytes = 1024 * 1024)
    {
        var http = Context("POST", body, contentType);
        if (accept is not null)
        {
            http.Request.Headers.Accept = accept;
        }

        return RunAsync(http, null, maxRequestBytes);
    }

    private async Task<(int Status, string ContentType, string Body)> RunAsync(HttpContext http, SnapshotHolder? snapshots = null, int maxRequestBytes = 1024 * 1024)
    {
        if (snapshots is null)
        {
            snapshots = new SnapshotHolder();
            snapshots.TrySwap(ExecutorFixture.Snapshot);
        }

        var handler = new GraphQLHttpHandler(
            fixture.Executor, snapshots, new SystemContextProvider(), new GraphQLOptions { MaxRequestBytes = maxRequestBytes },
            NullLogger<GraphQLHttpHandler>.Instance);
        var output = new MemoryStream();
        http.Response.Body = output;

        await handler.HandleAsync(http);

        return (http.Response.StatusCode, http.Response.ContentType ?? "", Encoding.UTF8.GetString(output.ToArray()));
    }

    private static DefaultHttpContext Context(string method, string? body, string? contentType)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = "/graphql";
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = contentType;
        }

        return http;
    }

    private static void AssertGraphQLError(string body, string code)
    {
        using var document = JsonDocument.Parse(body);
        Assert.False(document.RootElement.TryGetProperty("data", out _));
        var error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
    }
}
