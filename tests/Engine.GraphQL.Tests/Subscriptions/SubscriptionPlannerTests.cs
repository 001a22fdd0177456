using System.Text.Json;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Subscriptions;
using Engine.GraphQL.Tests.Planning;
using Engine.Query.Plans;
using GraphQLParser;
using GraphQLParser.AST;

namespace Engine.GraphQL.Tests.Subscriptions;

public class SubscriptionPlannerTests
{
    [Fact]
    public void Plan_FullSelection_BuildsThePayloadInResponseOrder()
    {
        var plan = PlanOk("""
            subscription S { changes: post { __typename mutation updatedFields node { title author { name } } before: previousValues { views __typename } } }
            """);

        Assert.Equal("changes", plan.Key);
        Assert.Same(PlanningFixture.Post, plan.Resource);
        Assert.Equal(PlanningFixture.Model.Version, plan.Version);
        Assert.Same(SubscriptionFilter.All, plan.Filter);
        Assert.Collection(plan.Payload,
            item => Assert.Equal(new TypenamePayloadItem("__typename", "PostSubscriptionPayload"), item),
            item => Assert.Equal(new MutationPayloadItem("mutation"), item),
            item => Assert.Equal(new UpdatedFieldsPayloadItem("updatedFields"), item),
            item =>
            {
                var node = Assert.IsType<NodePayloadItem>(item);
                Assert.Collection(node.Selection.Items,
                    title => Assert.Equal("title", Assert.IsType<ScalarSelection>(title).Key),
                    author => Assert.Equal("author", Assert.IsType<ToOneSelection>(author).Key));
            },
            item =>
            {
                var previous = Assert.IsType<PreviousValuesPayloadItem>(item);
                Assert.Equal("before", previous.Key);
                Assert.Equal([new PreviousValueItem("views", "views", "PostPreviousValues"), new PreviousValueItem("__typename", null, "PostPreviousValues")],
                    previous.Fields);
            });
        Assert.True(plan.SelectsPreviousValues);
        Assert.NotNull(plan.Node);
    }

    [Fact]
    public void Plan_QueryOrMutation_ReturnsItsKindWithoutPlanOrErrors()
    {
        var query = Plan("{ posts { id } }");
        var mutation = Plan("""mutation { deletePost(where: { slug: "a" }) { id } }""");

        Assert.Null(query.Plan);
        Assert.Empty(query.Errors);
        Assert.Equal(OperationType.Query, query.Kind);
        Assert.Null(mutation.Plan);
        Assert.Empty(mutation.Errors);
        Assert.Equal(OperationType.Mutation, mutation.Kind);
    }

    [Fact]
    public void Plan_RelationFiltersInNode_AreBadUserInputAtTheirPaths()
    {
        var result = Plan("""
            subscription { post(where: { node: { title: "a", author: { name: "x" }, OR: [{ editor: null }] } }) { mutation } }
            """);

        Assert.Null(result.Plan);
        Assert.Equal(["where.node.author", "where.node.OR[0].editor"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("BAD_USER_INPUT", e.Code);
            Assert.Contains("relation filters are not supported in subscriptions", e.Message, StringComparison.Ordinal);
            Assert.Equal(["post"], e.Path);
        });
    }

    [Fact]
    public void Plan_InvalidWhereVariable_NamesTheVariablePath()
    {
        var result = Plan("subscription ($w: PostSubscriptionWhereInput) { post(where: $w) { mutation } }",
            """{"w": {"mutation_in": ["MOVED"], "node": {"views_gt": "many"}}}""");

        Assert.Null(result.Plan);
        Assert.Equal(["w.mutation_in[0]", "w.node.views_gt"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_NodeNestedTooDeep_IsRejectedBeforeRunning()
    {
        var result = Plan("subscription { post { node { author { posts { author { name } } } } } }", limits: new PlanningLimits(100, 4, 1_000_000));

        Assert.Contains(result.Errors, e => e.Message.Contains("maximum depth of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_NodeWithVariables_CompilesTheFilterOverTheRecord()
    {
        var plan = PlanOk("subscription ($min: Int) { post(where: { node: { views_gte: $min } }) { mutation } }", """{"min": 3}""");

        Assert.True(plan.Filter.ReadsRecord);
        Assert.True(plan.Filter.Matches(Engine.Runtime.Events.RecordAction.Created, [], Json("""{"views": 3}""")));
        Assert.False(plan.Filter.Matches(Engine.Runtime.Events.RecordAction.Created, [], Json("""{"views": 2}""")));
    }

    internal static SubscriptionPlanningResult Plan(string query, string? variables = null, PlanningLimits? limits = null)
    {
        JsonElement? json = variables is null ? null : JsonDocument.Parse(variables).RootElement;
        return SubscriptionPlanner.Plan(Parser.Parse(query), null, json, PlanningFixture.Schema, PlanningFixture.Model, limits ?? PlanningLimits.Default);
    }

    internal static SubscriptionPlan PlanOk(string query, string? variables = null)
    {
        var result = Plan(query, variables);
        Assert.True(result.Plan is not null, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Plan!;
    }

    internal static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
