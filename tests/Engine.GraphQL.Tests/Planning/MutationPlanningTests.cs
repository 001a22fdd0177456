using Engine.GraphQL.Planning;
using Engine.Query.Filters;
using Engine.Query.Plans;
using GraphQLParser.AST;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class MutationPlanningTests
{
    private const string EditorId = "0190a5c4-54c3-7d2e-9b7a-1f2e3d4c5b6a";

    [Fact]
    public void Plan_Create_WritesCoercedValuesAndConnects()
    {
        var plan = Root<CreatePlan>($$"""
            mutation { createPost(data: {
                title: "Hi", views: 3, rating: 4.5, price: "12.50", sequence: "9007199254740993", state: LIVE, publishedOn: "2024-05-01",
                editor: { connect: { id: "{{EditorId}}" } } }) { id title } }
            """);

        Assert.Same(Post, plan.Resource);
        Assert.Equal(7, plan.Id.Version);
        Assert.Equal(
            [
                new ColumnValue(PostField("title"), "Hi"),
                new ColumnValue(PostField("views"), 3),
                new ColumnValue(PostField("rating"), 4.5),
                new ColumnValue(PostField("price"), 12.50m),
                new ColumnValue(PostField("sequence"), 9007199254740993L),
                new ColumnValue(PostField("state"), "LIVE"),
                new ColumnValue(PostField("publishedOn"), new DateOnly(2024, 5, 1)),
            ],
            plan.Data.Values);
        var connect = Assert.Single(plan.Data.Relations);
        Assert.Same(PostField("editor"), connect.Relation);
        Assert.Same(Author, connect.Target);
        Assert.Equal(new ComparisonFilter(AuthorField("id"), ComparisonOperator.Equal, Guid.Parse(EditorId)), connect.Where);
        Assert.Equal(["id", "title"], plan.Selection.Items.Select(i => i.Key));
    }

    [Fact]
    public void Plan_CreateWithId_UsesTheGivenId()
    {
        var id = Guid.Parse("0190a5c4-0000-7000-8000-000000000001");
        var plan = Root<CreatePlan>($$"""mutation { createPost(data: { id: "{{id}}", title: "Hi", editor: { connect: { email: "x@y" } } }) { id } }""");

        Assert.Equal(id, plan.Id);
        Assert.DoesNotContain(plan.Data.Values, v => v.Field == PostField("id"));
    }

    [Fact]
    public void Plan_CreateFromVariables_ValidatesEveryFieldOfTheInput()
    {
        var result = Plan(
            "mutation ($data: AuthorCreateInput!) { createAuthor(data: $data) { id } }",
            """{"data": {"name": "Ada", "email": "not an email address, and far too long for the field", "age": 200}}""");

        Assert.Equal(
            [("data.email", "BAD_USER_INPUT"), ("data.email", "BAD_USER_INPUT"), ("data.age", "BAD_USER_INPUT")],
            result.Errors.Select(e => (e.Field, e.Code)));
        Assert.Contains("40", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("pattern", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("150", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.Equal(["createAuthor"], e.Path));
        Assert.Null(result.Operation);
    }

    [Fact]
    public void Plan_CreateMissingRequiredFields_ReportsEachOne()
    {
        var result = Plan("mutation ($data: PostCreateInput!) { createPost(data: $data) { id } }", """{"data": {"views": 1}}""");

        Assert.Equal(["data.title", "data.editor"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Plan_RequiredFieldWithDefault_MayBeOmitted()
    {
        var plan = Root<CreatePlan>("""mutation { createPost(data: { title: "a", editor: { connect: { email: "x@y" } } }) { id } }""");

        Assert.DoesNotContain(plan.Data.Values, v => v.Field == PostField("state"));
    }

    [Theory]
    [InlineData("rating: -0.5", "data.rating", "at least 0")]
    [InlineData("rating: 5.5", "data.rating", "at most 5")]
    [InlineData("price: \"10000.00\"", "data.price", "4 digits")]
    [InlineData("price: \"-1\"", "data.price", "at least 0")]
    [InlineData("title: \"eleven chars\"", "data.title", "10 characters")]
    public void Plan_UpdateBreakingAFieldRule_IsBadUserInputOnThatField(string data, string field, string message)
    {
        var result = Plan($$"""mutation { updatePost(where: { slug: "a" }, data: { {{data}} }) { id } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MaxLength_CountsCharactersNotUtf16Units()
    {
        var plan = Root<UpdatePlan>("""mutation { updatePost(where: { slug: "a" }, data: { title: "😀😀😀😀😀😀" }) { id } }""");

        Assert.Equal("😀😀😀😀😀😀", Assert.Single(plan.Data.Values).Value);
    }

    [Fact]
    public void Plan_UpdateSettingRequiredFieldToNull_IsBadUserInput()
    {
        var result = Plan("""mutation { updatePost(where: { slug: "a" }, data: { title: null, slug: null }) { id } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("data.title", error.Field);
    }

    [Fact]
    public void Plan_Update_WritesNullsAndDisconnects()
    {
        var plan = Root<UpdatePlan>("""mutation { updatePost(where: { slug: "a" }, data: { slug: null, author: { disconnect: true } }) { id } }""");

        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, "a"), plan.Where);
        Assert.Equal([new ColumnValue(PostField("slug"), null)], plan.Data.Values);
        Assert.Equal([new ToOneConnect(PostField("author"), Author, null)], plan.Data.Relations);
    }

    [Fact]
    public void Plan_DisconnectRequiredRelation_IsBadUserInput()
    {
        var result = Plan("""mutation { updatePost(where: { slug: "a" }, data: { editor: { disconnect: true } }) { id } }""");

        Assert.Equal("data.editor.disconnect", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Plan_Upsert_HasBothWritesAndANewId()
    {
        var plan = Root<UpsertPlan>("""
            mutation { upsertPost(where: { slug: "a" }, create: { title: "T", slug: "a", editor: { connect: { email: "e@y" } } }, update: { views: 2 }) { id } }
            """);

        Assert.Equal(7, plan.CreateId.Version);
        Assert.Equal(3, plan.Create.Values.Count + plan.Create.Relations.Count);
        Assert.Equal([new ColumnValue(PostField("views"), 2)], plan.Update.Values);
    }

    [Fact]
    public void Plan_Delete_IsDeletePlan()
    {
        var plan = Root<DeletePlan>("""mutation { deletePost(where: { slug: "a" }) { title } }""");

        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, "a"), plan.Where);
    }

    [Fact]
    public void Plan_BulkMutations_SelectTheBatchPayload()
    {
        var operation = PlanOk("""
            mutation {
              u: updateManyPosts(where: { views: 1 }, data: { views: 2 }) { count __typename }
              d: deleteManyPosts { n: count }
            }
            """);

        Assert.Equal(OperationType.Mutation, operation.Kind);
        var update = Assert.IsType<UpdateManyPlan>(Assert.IsType<ResourceRootEntry>(operation.Entries[0]).Plan);
        Assert.Equal(new ComparisonFilter(PostField("views"), ComparisonOperator.Equal, 1), update.Where);
        Assert.Equal([new ColumnValue(PostField("views"), 2)], update.Data.Values);
        Assert.Equal([new CountSelection("count"), new TypenameSelection("__typename", "BatchPayload")], update.Selection.Items);
        var delete = Assert.IsType<DeleteManyPlan>(Assert.IsType<ResourceRootEntry>(operation.Entries[1]).Plan);
        Assert.Null(delete.Where);
        Assert.Equal([new CountSelection("n")], delete.Selection.Items);
    }

    [Fact]
    public void Plan_ErrorsOfSeveralRootFields_AreAllReported()
    {
        var result = Plan("""
            mutation {
              a: updatePost(where: { slug: "a" }, data: { rating: 9 }) { id }
              b: updatePost(where: {}, data: { views: 1 }) { id }
            }
            """);

        Assert.Equal([("data.rating", "a"), ("where", "b")], result.Errors.Select(e => (e.Field, (string)e.Path![0])));
    }

    [Theory]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    public void Plan_SystemTimestampsInData_AreNotWritable(string field)
    {
        var result = Plan(
            "mutation ($data: PostUpdateInput!) { updatePost(where: { slug: \"a\" }, data: $data) { id } }",
            $$$"""{"data": {"{{{field}}}": "2024-05-01T00:00:00Z"}}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("data." + field, error.Field);
        Assert.Equal("BAD_USER_INPUT", error.Code);
    }
}
