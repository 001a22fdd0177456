using Engine.GraphQL.Schema;
using Engine.GraphQL.Tests.Planning;
using Engine.GraphQL.Tests.Validation;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Tests.Subscriptions;

public class SubscriptionSchemaTests
{
    private static readonly GqlSchema Schema = PlanningFixture.Schema;

    [Fact]
    public void Compose_BlogModel_HasOneSubscriptionFieldPerResource()
    {
        var subscription = Assert.IsType<GqlObjectType>(Schema.Subscription);

        Assert.Equal("Subscription", subscription.Name);
        Assert.Equal(["author", "post"], subscription.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        var post = subscription.FieldsByName["post"];
        Assert.Equal("PostSubscriptionPayload", post.Type.ToString());
        Assert.Equal("where: PostSubscriptionWhereInput", Assert.Single(post.Arguments).ToString());
        Assert.Same(PlanningFixture.Post, Assert.IsType<SubscriptionFieldBinding>(post.Binding).Resource);
    }

    [Fact]
    public void BuildResource_Post_PayloadHasMutationNodeUpdatedFieldsAndPreviousValues()
    {
        var payload = Assert.IsType<GqlObjectType>(Schema.Types["PostSubscriptionPayload"]);

        Assert.Equal(["mutation: MutationType!", "node: Post", "updatedFields: [String!]", "previousValues: PostPreviousValues"],
            payload.Fields.Select(f => f.ToString()));
        var mutationType = Assert.IsType<GqlEnumType>(Schema.Types["MutationType"]);
        Assert.Equal([RecordAction.Created, RecordAction.Updated, RecordAction.Deleted], mutationType.Values.Select(v => (RecordAction)v.Binding!));
        Assert.Equal(["CREATED", "UPDATED", "DELETED"], mutationType.Values.Select(v => v.Name));
    }

    [Fact]
    public void BuildResource_Post_PreviousValuesHaveSystemAndScalarFieldsButNoRelations()
    {
        var previous = Assert.IsType<GqlObjectType>(Schema.Types["PostPreviousValues"]);

        Assert.Equal(
            ["id: ID!", "createdAt: DateTime!", "updatedAt: DateTime!", "title: String!", "slug: String", "views: Int", "rating: Float", "price: Decimal",
                "sequence: Long", "state: PostState!", "publishedOn: Date"],
            previous.Fields.Select(f => f.ToString()));
    }

    [Fact]
    public void BuildResource_Post_SubscriptionWhereInputHasTheOpenCrudFields()
    {
        var where = Assert.IsType<GqlInputObjectType>(Schema.Types["PostSubscriptionWhereInput"]);

        Assert.Equal(
        [
            "AND: [PostSubscriptionWhereInput!]", "OR: [PostSubscriptionWhereInput!]", "NOT: [PostSubscriptionWhereInput!]",
            "mutation_in: [MutationType!]", "updatedFields_contains: String", "updatedFields_contains_every: [String!]",
            "updatedFields_contains_some: [String!]", "node: PostWhereInput",
        ], where.Fields.Select(f => f.ToString()));
        Assert.Same(PlanningFixture.Post, Assert.IsType<SubscriptionWhereInputBinding>(where.Binding).Resource);
    }

    [Fact]
    public void Compose_NoResources_HasNoSubscriptionRootNorMutationType()
    {
        var empty = OpenCrudSchemaBuilder.Compose([]);

        Assert.Null(empty.Subscription);
        Assert.Null(empty.Type("MutationType"));
    }

    [Fact]
    public void Compile_ResourceUnchanged_ReusesItsSubscriptionFieldAndTypes()
    {
        var first = GraphQLSnapshotCompiler.Compile(PlanningFixture.Model, null);

        var second = GraphQLSnapshotCompiler.Compile(SubscriptionFixture.Snapshot(8).Model, first);

        Assert.Same(first.Schema.Subscription!.FieldsByName["post"], second.Schema.Subscription!.FieldsByName["post"]);
        Assert.Same(first.Schema.Types["PostSubscriptionWhereInput"], second.Schema.Types["PostSubscriptionWhereInput"]);
        Assert.Same(first.Schema.Types["MutationType"], second.Schema.Types["MutationType"]);
    }

    [Theory]
    [InlineData("subscription { post { mutation } author { mutation } }", "Anonymous Subscription must select only one top level field.")]
    [InlineData("subscription S { post { mutation } other: post { mutation } }", "Subscription \"S\" must select only one top level field.")]
    [InlineData("subscription { ...F } fragment F on Subscription { post { mutation } author { mutation } }",
        "Anonymous Subscription must select only one top level field.")]
    [InlineData("subscription { __typename }", "Anonymous Subscription must not select an introspection top level field.")]
    public void Validate_SubscriptionWithoutASingleRootField_IsRejected(string query, string message)
    {
        var error = Assert.Single(ValidationAssert.Validate(query, Schema));

        Assert.Equal(message, error.Message);
        Assert.Equal("BAD_USER_INPUT", error.Code);
    }

    [Theory]
    [InlineData("subscription { post { mutation } }")]
    [InlineData("subscription { ... on Subscription { post { mutation } } post { node { id } } }")]
    [InlineData("subscription ($w: PostSubscriptionWhereInput) { post(where: $w) { previousValues { id } } }")]
    public void Validate_SubscriptionWithOneRootField_IsValid(string query) => ValidationAssert.Valid(query, Schema);
}
