using Engine.Runtime.Events;
using static Engine.GraphQL.Tests.Subscriptions.SubscriptionPlannerTests;

namespace Engine.GraphQL.Tests.Subscriptions;

public class SubscriptionFilterTests
{
    private static readonly System.Text.Json.JsonElement Record = Json("""{"title":"Hello","views":7,"state":"LIVE"}""");

    [Theory]
    [InlineData("mutation_in: [CREATED, DELETED]", RecordAction.Created, true)]
    [InlineData("mutation_in: [CREATED, DELETED]", RecordAction.Updated, false)]
    [InlineData("mutation_in: []", RecordAction.Created, false)]
    [InlineData("mutation_in: null", RecordAction.Updated, true)]
    [InlineData("""updatedFields_contains: "views" """, RecordAction.Updated, true)]
    [InlineData("""updatedFields_contains: "slug" """, RecordAction.Updated, false)]
    [InlineData("""updatedFields_contains_every: ["title", "views"]""", RecordAction.Updated, true)]
    [InlineData("""updatedFields_contains_every: ["title", "slug"]""", RecordAction.Updated, false)]
    [InlineData("updatedFields_contains_every: []", RecordAction.Updated, true)]
    [InlineData("""updatedFields_contains_some: ["slug", "views"]""", RecordAction.Updated, true)]
    [InlineData("""updatedFields_contains_some: ["slug"]""", RecordAction.Updated, false)]
    [InlineData("""node: { title_starts_with: "He", views_gt: 5 }""", RecordAction.Updated, true)]
    [InlineData("""node: { state: DRAFT }""", RecordAction.Updated, false)]
    [InlineData("""AND: [{ mutation_in: [UPDATED] }, { node: { views: 7 } }]""", RecordAction.Updated, true)]
    [InlineData("""OR: [{ mutation_in: [DELETED] }, { updatedFields_contains: "slug" }]""", RecordAction.Updated, false)]
    [InlineData("""NOT: [{ mutation_in: [DELETED] }, { updatedFields_contains: "slug" }]""", RecordAction.Updated, true)]
    [InlineData("""NOT: { mutation_in: [UPDATED] }""", RecordAction.Updated, false)]
    [InlineData("", RecordAction.Deleted, true)]
    public void Matches_WhereInput_FollowsOpenCrudSemantics(string where, RecordAction action, bool expected)
    {
        var plan = PlanOk($$"""subscription { post(where: { {{where}} }) { mutation } }""");

        Assert.Equal(expected, plan.Filter.Matches(action, ["title", "views"], Record));
    }

    [Fact]
    public void Build_WithoutNodeCondition_DoesNotReadTheRecord()
    {
        var plan = PlanOk("""subscription { post(where: { mutation_in: [UPDATED], updatedFields_contains: "title" }) { mutation } }""");

        Assert.False(plan.Filter.ReadsRecord);
        Assert.True(plan.Filter.Matches(RecordAction.Updated, ["title"], default));
    }

    [Fact]
    public void Build_CreatedEvent_HasNoUpdatedFields()
    {
        var plan = PlanOk("""subscription { post(where: { updatedFields_contains_some: ["title"] }) { mutation } }""");

        Assert.False(plan.Filter.Matches(RecordAction.Created, [], Record));
    }
}
