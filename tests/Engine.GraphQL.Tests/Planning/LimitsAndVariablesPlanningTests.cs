using Engine.GraphQL.Planning;
using Engine.Query.Plans;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class LimitsAndVariablesPlanningTests
{
    [Theory]
    [InlineData("first: 1001", "first", "1000")]
    [InlineData("last: 5000", "last", "1000")]
    [InlineData("first: -1", "first", "negative")]
    [InlineData("skip: -3", "skip", "negative")]
    public void Plan_PageArgumentOutOfRange_IsBadUserInput(string arguments, string field, string message)
    {
        var result = Plan($"{{ posts({arguments}) {{ id }} }}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_PageSizeAtTheConfiguredLimit_IsAccepted()
    {
        var result = Plan("{ posts(first: 20) { id } }", limits: new PlanningLimits(20, 10));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Plan_NestedPageOverTheLimit_PointsAtTheNestedField()
    {
        var result = Plan("{ authors { posts(first: 21) { id } } }", limits: new PlanningLimits(20, 10));

        var error = Assert.Single(result.Errors);
        Assert.Equal(["authors", "posts"], error.Path);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DeeperThanTheLimit_IsBadUserInputNamingTheLimit()
    {
        const string query = "{ posts { author { posts { author { name } } } } }";

        Assert.Empty(Plan(query, limits: new PlanningLimits(1000, 5, int.MaxValue)).Errors);
        var error = Assert.Single(Plan(query, limits: new PlanningLimits(1000, 4, int.MaxValue)).Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("maximum depth of 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Introspection_IsNotDepthLimited()
    {
        var result = Plan("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }", limits: new PlanningLimits(1000, 2));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Plan_MissingRequiredVariable_IsBadUserInput()
    {
        var result = Plan("query ($slug: String!) { post(where: { slug: $slug }) { id } }", "{}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("$slug", error.Message, StringComparison.Ordinal);
        Assert.Equal("slug", error.Field);
    }

    [Fact]
    public void Plan_NullForNonNullVariable_IsBadUserInput()
    {
        var result = Plan("query ($slug: String!) { post(where: { slug: $slug }) { id } }", """{"slug": null}""");

        Assert.Equal("slug", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Plan_VariableOfWrongType_IsBadUserInputAtItsPath()
    {
        var result = Plan("query ($w: PostWhereInput) { posts(where: $w) { id } }", """{"w": {"views_in": [1, "two"]}}""");

        Assert.Equal("w.views_in[1]", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Plan_VariableDefault_IsUsedWhenOmitted()
    {
        var plan = Root<FindManyPlan>("query ($n: Int = 4) { posts(first: $n) { id } }", "{}");

        Assert.Equal(4, plan.Arguments.First);
    }

    [Fact]
    public void Plan_OmittedNullableVariable_LeavesTheArgumentOut()
    {
        var plan = Root<FindManyPlan>("query ($n: Int) { posts(first: $n, where: { views: $n }) { id } }");

        Assert.Null(plan.Arguments.First);
        Assert.Null(plan.Arguments.Where);
    }

    [Fact]
    public void Plan_ListVariableGivenASingleValue_IsWrappedInAList()
    {
        var plan = Root<FindManyPlan>("query ($ids: [ID!]) { posts(where: { id_in: $ids }) { id } }", """{"ids": "0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a"}""");

        var filter = Assert.IsType<Engine.Query.Filters.InFilter>(plan.Arguments.Where);
        Assert.Equal([Guid.Parse("0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a")], filter.Values.Cast<Guid>());
    }
}
