using Engine.Query.Filters;
using Engine.Query.Plans;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class FilterPlanningTests
{
    private static Filter? WhereOf(string where, string? variables = null, string declarations = "") =>
        Root<FindManyPlan>($"query{declarations} {{ posts(where: {where}) {{ id }} }}", variables).Arguments.Where;

    [Fact]
    public void Plan_EqualsNull_IsEqualNull()
    {
        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, null), WhereOf("{ slug: null }"));
    }

    [Fact]
    public void Plan_NotNull_IsNotEqualNull()
    {
        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.NotEqual, null), WhereOf("{ slug_not: null }"));
    }

    [Fact]
    public void Plan_SeveralFields_AreAndedInDeclaredOrder()
    {
        var filter = Assert.IsType<AndFilter>(WhereOf("{ views_gt: 3, title_contains: \"a\", views_lte: 9 }"));

        Assert.Collection(
            filter.Items,
            f => Assert.Equal(new StringMatchFilter(PostField("title"), StringMatchOperator.Contains, "a", false), f),
            f => Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.LessThanOrEqual, 9), f),
            f => Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.GreaterThan, 3), f));
    }

    [Fact]
    public void Plan_StringOperators_MapToMatchFilters()
    {
        var filter = Assert.IsType<AndFilter>(WhereOf("{ title_not_starts_with: \"x\", title_ends_with: \"%\" }"));

        Assert.Contains(new StringMatchFilter(PostField("title"), StringMatchOperator.StartsWith, "x", true), filter.Items);
        Assert.Contains(new StringMatchFilter(PostField("title"), StringMatchOperator.EndsWith, "%", false), filter.Items);
    }

    [Fact]
    public void Plan_InAndNotIn_CarryCoercedValues()
    {
        var filter = Assert.IsType<AndFilter>(WhereOf("{ state_in: [LIVE], views_not_in: [1, 2] }"));

        var stateIn = Assert.IsType<InFilter>(filter.Items.Single(f => f is InFilter { Negated: false }));
        Assert.Equal(["LIVE"], stateIn.Values);
        var viewsNotIn = Assert.IsType<InFilter>(filter.Items.Single(f => f is InFilter { Negated: true }));
        Assert.Equal([1, 2], viewsNotIn.Values.Cast<int>());
    }

    [Fact]
    public void Plan_EnumValue_IsItsName()
    {
        Assert.Equal(new ComparisonFilter(PostField("state"), ComparisonOperator.Equal, "LIVE"), WhereOf("{ state: LIVE }"));
    }

    [Fact]
    public void Plan_NotList_MeansNeitherItem()
    {
        var filter = WhereOf("{ NOT: [{ views: 1 }, { views: 2 }] }");

        var not = Assert.IsType<NotFilter>(filter);
        var or = Assert.IsType<OrFilter>(not.Inner);
        Assert.Equal(2, or.Items.Count);
    }

    [Fact]
    public void Plan_AndOr_NestLists()
    {
        var filter = Assert.IsType<OrFilter>(WhereOf("{ OR: [{ AND: [{ views: 1 }, { slug: \"a\" }] }, { views: 3 }] }"));

        Assert.IsType<AndFilter>(filter.Items[0]);
        Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.Equal, 3), filter.Items[1]);
    }

    [Fact]
    public void Plan_ToOneRelation_IsToOneFilter()
    {
        var filter = Assert.IsType<ToOneFilter>(WhereOf("{ author: { name: \"Ada\" } }"));

        Assert.Same(PostField("author"), filter.Relation);
        Assert.Same(Author, filter.Target);
        Assert.Equal(new ComparisonFilter(AuthorField("name"), ComparisonOperator.Equal, "Ada"), filter.Inner);
    }

    [Fact]
    public void Plan_ToOneRelationNull_IsForeignKeyIsNull()
    {
        Assert.Equal(new ComparisonFilter(PostField("author"), ComparisonOperator.Equal, null), WhereOf("{ author: null }"));
    }

    [Theory]
    [InlineData("posts_some", Engine.Query.Filters.ToManyQuantifier.Some)]
    [InlineData("posts_every", Engine.Query.Filters.ToManyQuantifier.Every)]
    [InlineData("posts_none", Engine.Query.Filters.ToManyQuantifier.None)]
    public void Plan_ToManyRelation_IsQuantifiedFilter(string name, ToManyQuantifier quantifier)
    {
        var plan = Root<FindManyPlan>($"{{ authors(where: {{ {name}: {{ views_gt: 10 }} }}) {{ id }} }}");

        var filter = Assert.IsType<ToManyFilter>(plan.Arguments.Where);
        Assert.Equal(quantifier, filter.Quantifier);
        Assert.Same(Post, filter.Target);
        Assert.Same(AuthorField("posts"), filter.Relation);
        Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.GreaterThan, 10), filter.Inner);
    }

    [Fact]
    public void Plan_EmptyWhere_IsNoFilter()
    {
        Assert.Null(WhereOf("{}"));
    }

    [Fact]
    public void Plan_WhereFromVariable_IsCoercedFromJson()
    {
        var filter = WhereOf("$where", """{"where": {"id": "0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a", "publishedOn_gte": "2024-05-01"}}""", "($where: PostWhereInput)");

        var and = Assert.IsType<AndFilter>(filter);
        Assert.Contains(new ComparisonFilter(PostField("id"), ComparisonOperator.Equal, Guid.Parse("0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a")), and.Items);
        Assert.Contains(new ComparisonFilter(PostField("publishedOn"), ComparisonOperator.GreaterThanOrEqual, new DateOnly(2024, 5, 1)), and.Items);
    }

    [Fact]
    public void Plan_ComparisonWithNull_IsBadUserInput()
    {
        var result = Plan("{ posts(where: { views_lt: null }) { id } }");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal("where.views_lt", error.Field);
        Assert.Equal(["posts"], error.Path);
    }

    [Fact]
    public void Plan_FindUnique_IsEqualityOnTheGivenField()
    {
        var plan = Root<FindUniquePlan>("{ post(where: { slug: \"hello\" }) { id } }");

        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, "hello"), plan.Where);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ slug: \"a\", id: \"0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a\" }")]
    [InlineData("{ slug: null }")]
    public void Plan_WhereUniqueWithoutExactlyOneValue_IsBadUserInput(string where)
    {
        var result = Plan($"{{ post(where: {where}) {{ id }} }}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal("where", error.Field);
        Assert.Null(result.Operation);
    }
}
