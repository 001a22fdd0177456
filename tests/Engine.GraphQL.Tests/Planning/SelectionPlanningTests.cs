using Engine.GraphQL.Planning;
using Engine.Query.Filters;
using Engine.Query.Plans;
using GraphQLParser.AST;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class SelectionPlanningTests
{
    [Fact]
    public void Plan_Aliases_BecomeResponseKeys()
    {
        var plan = Root<FindManyPlan>("{ list: posts { name: title id } }");

        Assert.Equal("list", plan.Key);
        Assert.Equal([new ScalarSelection("name", PostField("title")), new ScalarSelection("id", PostField("id"))], plan.Selection.Items);
    }

    [Fact]
    public void Plan_Typename_IsTheObjectTypeName()
    {
        var plan = Root<FindManyPlan>("{ posts { __typename t: __typename } }");

        Assert.Equal([new TypenameSelection("__typename", "Post"), new TypenameSelection("t", "Post")], plan.Selection.Items);
    }

    [Fact]
    public void Plan_NamedAndInlineFragments_AreFlattenedInOrder()
    {
        var plan = Root<FindManyPlan>("""
            { posts { id ...PostFields ... on Post { views } ... { slug } } }
            fragment PostFields on Post { title }
            """);

        Assert.Equal(["id", "title", "views", "slug"], plan.Selection.Items.Select(i => i.Key));
    }

    [Fact]
    public void Plan_RepeatedKey_MergesSubSelections()
    {
        var plan = Root<FindManyPlan>("{ posts { author { id } author { name } title title } }");

        Assert.Equal(["author", "title"], plan.Selection.Items.Select(i => i.Key));
        var author = Assert.IsType<ToOneSelection>(plan.Selection.Items[0]);
        Assert.Equal(["id", "name"], author.Selection.Items.Select(i => i.Key));
        Assert.Same(Author, author.Target);
        Assert.Same(PostField("author"), author.Relation);
    }

    [Fact]
    public void Plan_SkipAndInclude_FollowLiteralsAndVariables()
    {
        var plan = Root<FindManyPlan>(
            "query ($yes: Boolean!, $no: Boolean = false) { posts { id @skip(if: $yes) title @include(if: $no) views @include(if: true) slug @skip(if: false) } }",
            """{"yes": true}""");

        Assert.Equal(["views", "slug"], plan.Selection.Items.Select(i => i.Key));
    }

    [Fact]
    public void Plan_SkippedFragment_IsLeftOut()
    {
        var plan = Root<FindManyPlan>("{ posts { id ... on Post @skip(if: true) { title } ...F @include(if: false) } } fragment F on Post { slug }");

        Assert.Equal(["id"], plan.Selection.Items.Select(i => i.Key));
    }

    [Fact]
    public void Plan_ToManyField_CarriesItsOwnListArguments()
    {
        var plan = Root<FindManyPlan>("{ authors { recent: posts(where: { views_gt: 1 }, orderBy: views_DESC, skip: 2, first: 5) { title } } }");

        var posts = Assert.IsType<ToManySelection>(Assert.Single(plan.Selection.Items));
        Assert.Equal("recent", posts.Key);
        Assert.Same(Post, posts.Target);
        Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.GreaterThan, 1), posts.Arguments.Where);
        Assert.Equal([new OrderBy(PostField("views"), true)], posts.Arguments.OrderBy);
        Assert.Equal(2, posts.Arguments.Skip);
        Assert.Equal(5, posts.Arguments.First);
        Assert.Null(posts.Arguments.Last);
    }

    [Fact]
    public void Plan_RootListArguments_AreCoerced()
    {
        var plan = Root<FindManyPlan>("query ($n: Int) { posts(orderBy: title_ASC, last: $n) { id } }", """{"n": 3}""");

        Assert.Equal([new OrderBy(PostField("title"), false)], plan.Arguments.OrderBy);
        Assert.Equal((null, null, null, 3), (plan.Arguments.Where, plan.Arguments.Skip, plan.Arguments.First, plan.Arguments.Last));
    }

    [Fact]
    public void Plan_RootFields_KeepDocumentOrderAndKinds()
    {
        var operation = PlanOk("{ __typename v: _version a: authors { id } __schema { queryType { name } } }");

        Assert.Equal(OperationType.Query, operation.Kind);
        Assert.Collection(
            operation.Entries,
            e => Assert.Equal(new TypenameRootEntry("__typename", "Query"), e),
            e => Assert.Equal(new MetadataVersionRootEntry("v", 7), e),
            e => Assert.IsType<FindManyPlan>(Assert.IsType<ResourceRootEntry>(e).Plan),
            e => Assert.Equal("__schema", Assert.IsType<IntrospectionRootEntry>(e).Key));
    }

    [Fact]
    public void Plan_FindManyIsNonNull_FindUniqueIsNullable()
    {
        var operation = PlanOk("{ posts { id } post(where: { slug: \"a\" }) { id } }");

        Assert.True(Assert.IsType<ResourceRootEntry>(operation.Entries[0]).NonNull);
        Assert.False(Assert.IsType<ResourceRootEntry>(operation.Entries[1]).NonNull);
    }

    [Fact]
    public void Plan_NamedOperation_IsSelected()
    {
        var result = Plan("query A { posts { id } } query B { authors { id } }", operationName: "B");

        var plan = Assert.IsType<FindManyPlan>(Assert.IsType<ResourceRootEntry>(Assert.Single(result.Operation!.Entries)).Plan);
        Assert.Same(Author, plan.Resource);
    }

    [Theory]
    [InlineData(null, "give operationName")]
    [InlineData("C", "no operation named \"C\"")]
    public void Plan_OperationNotDetermined_IsBadUserInput(string? operationName, string message)
    {
        var result = Plan("query A { posts { id } } query B { authors { id } }", operationName: operationName);

        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Subscription_PointsAtWebSocket()
    {
        var result = Plan("subscription { post { mutation } }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("WebSocket", error.Message, StringComparison.Ordinal);
        Assert.Equal(OperationType.Subscription, result.Kind);
    }
}
