using System.Buffers.Text;
using System.Text;
using Engine.GraphQL.Planning;
using Engine.Query.Plans;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class ConnectionPlanningTests
{
    private const string Id = "0190a1b2-0000-7000-8000-000000000001";

    private static string Cursor(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Plan_Connection_MapsArgumentsAndEverySelectedPart()
    {
        var after = Cursor($"[1, \"title_ASC,id_ASC\", \"m\", \"{Id}\"]");

        var plan = Root<ConnectionPlan>($$"""
            { page: postsConnection(where: { views_gt: 1 }, orderBy: title_ASC, first: 2, after: "{{after}}") {
                __typename
                pageInfo { hasNextPage hasPreviousPage startCursor end: endCursor }
                edges { cursor node { id } }
                aggregate { count } } }
            """);

        Assert.Equal("page", plan.Key);
        Assert.Same(Post, plan.Resource);
        Assert.Equal(2, plan.Arguments.First);
        Assert.Equal(["m", Guid.Parse(Id)], plan.Arguments.After!.Values);
        Assert.Null(plan.Arguments.Before);
        Assert.Equal(new TypenameSelection("__typename", "PostConnection"), plan.Selection[0]);
        var pageInfo = Assert.IsType<PageInfoSelection>(plan.Selection[1]);
        Assert.Equal(
            [PageInfoField.HasNextPage, PageInfoField.HasPreviousPage, PageInfoField.StartCursor, PageInfoField.EndCursor],
            pageInfo.Items.Cast<PageInfoFieldSelection>().Select(i => i.Field));
        Assert.Equal("end", pageInfo.Items[3].Key);
        var edges = Assert.IsType<EdgesSelection>(plan.Selection[2]);
        Assert.IsType<CursorSelection>(edges.Items[0]);
        var node = Assert.IsType<EdgeNodeSelection>(edges.Items[1]);
        Assert.Equal(PostField("id"), Assert.IsType<ScalarSelection>(Assert.Single(node.Selection.Items)).Field);
        var aggregate = Assert.IsType<AggregateSelection>(plan.Selection[3]);
        Assert.IsType<AggregateCountSelection>(Assert.Single(aggregate.Items));
    }

    [Fact]
    public void Plan_ToManyCursor_IsReadAgainstTheTargetsOrder()
    {
        var before = Cursor($"[1, \"views_DESC,id_ASC\", null, \"{Id}\"]");

        var plan = Root<FindManyPlan>($$"""{ authors { posts(orderBy: views_DESC, last: 2, before: "{{before}}") { id } } }""");

        var posts = Assert.IsType<ToManySelection>(Assert.Single(plan.Selection.Items));
        Assert.Equal([null, Guid.Parse(Id)], posts.Arguments.Before!.Values);
    }

    [Theory]
    [InlineData("after", "garbage!", "is not a cursor")]
    [InlineData("before", "W10", "is not a cursor")]
    [InlineData("after", "WzEsICJpZF9BU0MiLCA0Ml0", "valid value for id")]
    public void Plan_MalformedCursor_IsBadUserInputAtTheArgument(string argument, string cursor, string message)
    {
        var result = Plan($$"""{ postsConnection({{argument}}: "{{cursor}}") { edges { cursor } } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal(argument, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CursorFromAnotherOrderBy_IsBadUserInputNamingTheOrders()
    {
        var after = Cursor($"[1, \"title_ASC,id_ASC\", \"m\", \"{Id}\"]");

        var result = Plan($$"""{ posts(orderBy: title_DESC, after: "{{after}}") { id } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("title_ASC,id_ASC", error.Message, StringComparison.Ordinal);
        Assert.Contains("title_DESC,id_ASC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ConnectionPageOverTheLimit_IsBadUserInput()
    {
        var result = Plan("{ postsConnection(last: 1001) { edges { cursor } } }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("last", error.Field);
        Assert.Contains("Engine:MaxPageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OneUnpagedNestedList_IsWithinTheDefaultNodeEstimate()
    {
        // authors: 1,000 (the page cap), their posts: 100 each (the assumed fan-out of an unpaged relation).
        var result = Plan("{ authors { posts { id } } }");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Plan_TwoUnpagedNestedLevels_AreOverTheDefaultNodeEstimate()
    {
        // 1,000 authors + 100,000 posts + 10,000,000 post authors' posts... : over 1,000,000.
        var result = Plan("{ authors { posts { author { posts { id } } } } }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("maximum of 1,000,000 (Engine:MaxQueryNodes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NodeEstimate_MultipliesPageSizesAlongEachPathAndSums()
    {
        // authors: 10, their posts: 10 × 5, each post's author: 50, that author's posts: 50 × 20 → 1,110.
        const string query = "{ authors(first: 10) { posts(first: 5) { author { posts(first: 30, last: 20) { id } } } } }";

        Assert.Empty(Plan(query, limits: new PlanningLimits(1000, 10, 1110)).Errors);
        var error = Assert.Single(Plan(query, limits: new PlanningLimits(1000, 10, 1109)).Errors);
        Assert.Contains("1,110", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ConnectionNodes_CountTowardsTheEstimate()
    {
        const string query = "{ postsConnection(first: 100) { edges { node { author { id } } } } }";

        Assert.Empty(Plan(query, limits: new PlanningLimits(1000, 10, 200)).Errors);
        Assert.Contains("Engine:MaxQueryNodes", Assert.Single(Plan(query, limits: new PlanningLimits(1000, 10, 199)).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ConnectionDeeperThanTheLimit_IsBadUserInput()
    {
        var error = Assert.Single(Plan("{ postsConnection(first: 1) { edges { node { id } } } }", limits: new PlanningLimits(1000, 3)).Errors);

        Assert.Contains("maximum depth of 3", error.Message, StringComparison.Ordinal);
    }
}
