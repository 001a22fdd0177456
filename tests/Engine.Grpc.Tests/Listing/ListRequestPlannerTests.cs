using System.Buffers.Text;
using System.Text;
using Engine.Grpc.Listing;

namespace Engine.Grpc.Tests.Listing;

public class ListRequestPlannerTests
{
    private static (ListRequestPlan? Plan, IReadOnlyList<FieldViolation> Errors) Plan(int pageSize, string pageToken = "", string filter = "", string orderBy = "") =>
        ListRequestPlanner.Plan(pageSize, pageToken, filter, orderBy, ListingModel.Invoice, ListingModel.Schema);

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Plan_PageSize_FollowsAip158(int requested, int expected)
    {
        var (plan, errors) = Plan(requested);

        Assert.Empty(errors);
        Assert.Equal(expected, plan!.PageSize);
        Assert.Equal(expected, plan.Arguments.First);
    }

    [Fact]
    public void Plan_NegativePageSize_IsAViolation()
    {
        var (plan, errors) = Plan(-1);

        Assert.Null(plan);
        Assert.Equal([new FieldViolation("page_size", "page_size must not be negative (got -1); use 0 for the default of 50.")], errors);
    }

    [Fact]
    public void Plan_ConfiguredRules_ApplyTheirDefaultAndMax()
    {
        var rules = new PageSizeRules(Default: 20, Max: 100);

        Assert.Equal(20, rules.Resolve(0).PageSize);
        Assert.Equal(100, rules.Resolve(500).PageSize);
    }

    [Fact]
    public void Plan_FilterAndOrder_BecomeTheArguments()
    {
        var (plan, errors) = Plan(10, filter: "archived = true", orderBy: "line_count desc");

        Assert.Empty(errors);
        Assert.Equal("archived = true:Boolean", ListingModel.Render(plan!.Arguments.Where));
        var key = Assert.Single(plan.Arguments.OrderBy);
        Assert.Equal(("lineCount", true), (key.Field.Name, key.Descending));
        Assert.Null(plan.Arguments.After);
        Assert.Null(plan.Arguments.Skip);
    }

    [Fact]
    public void Plan_NextPageToken_ContinuesAfterTheLastRow()
    {
        var (first, _) = Plan(10, filter: "archived = true", orderBy: "line_count desc");
        var rowCursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("[1,\"lineCount_DESC,id_ASC\",null,\"0190a1b2-0000-7000-8000-000000000001\"]"));

        var (next, errors) = Plan(10, first!.NextPageToken(rowCursor), "archived = true", "line_count desc");

        Assert.Empty(errors);
        Assert.Equal([null, Guid.Parse("0190a1b2-0000-7000-8000-000000000001")], next!.Arguments.After!.Values);
    }

    [Fact]
    public void Plan_TokenWithAnotherFilter_IsAViolation()
    {
        var (first, _) = Plan(10, filter: "archived = true");
        var token = first!.NextPageToken(Base64Url.EncodeToString(Encoding.UTF8.GetBytes("[1,\"id_ASC\",\"0190a1b2-0000-7000-8000-000000000001\"]")));

        var (next, errors) = Plan(10, token, "archived = false");

        Assert.Null(next);
        Assert.Equal("page_token", Assert.Single(errors).Field);
    }

    [Fact]
    public void Plan_EveryBadArgument_IsReportedTogether()
    {
        var (plan, errors) = Plan(-5, "garbage!", "nope = 1", "line_count sideways");

        Assert.Null(plan);
        Assert.Equal(["page_size", "filter", "order_by"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Plan_BadTokenWithGoodArguments_IsReported()
    {
        var (plan, errors) = Plan(5, "garbage!");

        Assert.Null(plan);
        Assert.Equal(["page_token"], errors.Select(e => e.Field));
    }
}
