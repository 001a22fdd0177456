using Engine.Query.Filters;
using Engine.Query.Plans;
using static Engine.GraphQL.Tests.Planning.PlanningFixture;

namespace Engine.GraphQL.Tests.Planning;

public class NestedWritePlanningTests
{
    [Fact]
    public void Plan_CreateWithToManyCreateAndConnect_PlansNestedWritesWithPaths()
    {
        var plan = Root<CreatePlan>("""
            mutation { createAuthor(data: { name: "Ada", posts: {
                connect: [{ slug: "old" }],
                create: [{ title: "One", editor: { connect: { email: "e@x" } } }, { id: "0190a5c4-0000-7000-8000-000000000009", title: "Two", editor: { create: { name: "Ed" } } }] } }) { id } }
            """);

        Assert.Collection(plan.Data.Nested,
            w =>
            {
                var create = Assert.IsType<NestedCreate>(w);
                Assert.Same(AuthorField("posts"), create.Relation);
                Assert.Same(Post, create.Target);
                Assert.Equal("data.posts.create[0]", create.Path);
                Assert.Equal(7, create.Id.Version);
                Assert.DoesNotContain(create.Data.Values, v => v.Field == PostField("author"));
                Assert.Same(PostField("editor"), Assert.Single(create.Data.Relations).Relation);
            },
            w =>
            {
                var create = Assert.IsType<NestedCreate>(w);
                Assert.Equal(Guid.Parse("0190a5c4-0000-7000-8000-000000000009"), create.Id);
                var editor = Assert.IsType<NestedCreate>(Assert.Single(create.Data.Nested));
                Assert.Equal("data.posts.create[1].editor.create", editor.Path);
                Assert.Same(Author, editor.Target);
            },
            w => Assert.Equal(new NestedConnect(AuthorField("posts"), Post, "data.posts.connect[0]",
                new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, "old")), w));
    }

    [Fact]
    public void Plan_NestedCreateBreakingAFieldRule_NamesTheItemInThePath()
    {
        var result = Plan("""
            mutation { createAuthor(data: { name: "Ada", posts: { create: [
                { title: "One", editor: { connect: { email: "e@x" } } },
                { title: "Two", editor: { connect: { email: "e@x" } } },
                { title: "far too long", editor: { connect: { email: "e@x" } }, rating: 9 }] } }) { id } }
            """);

        Assert.Equal([("data.posts.create[2].title", "BAD_USER_INPUT"), ("data.posts.create[2].rating", "BAD_USER_INPUT")],
            result.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Plan_UpdateWithEveryToManyOperation_OrdersThemRemovalsFirst()
    {
        var plan = Root<UpdatePlan>("""
            mutation { updateAuthor(where: { email: "a@x" }, data: { posts: {
                create: [{ title: "New", editor: { connect: { email: "e@x" } } }],
                connect: [{ slug: "c" }],
                set: [{ slug: "s1" }, { slug: "s2" }],
                disconnect: [{ slug: "d" }],
                delete: [{ slug: "x" }],
                update: [{ where: { slug: "u" }, data: { views: 1 } }],
                updateMany: [{ where: { views_gt: 5 }, data: { views: 0 } }],
                deleteMany: [{ title_contains: "old" }, {}],
                upsert: [{ where: { slug: "up" }, update: { views: 2 }, create: { title: "Up", editor: { connect: { email: "e@x" } } } }] } }) { id } }
            """);

        Assert.Equal(
            [typeof(NestedSet), typeof(NestedDisconnect), typeof(NestedDelete), typeof(NestedDeleteMany), typeof(NestedDeleteMany),
                typeof(NestedUpdate), typeof(NestedUpdateMany), typeof(NestedUpsert), typeof(NestedCreate), typeof(NestedConnect)],
            plan.Data.Nested.Select(w => w.GetType()));
        Assert.Equal(2, Assert.IsType<NestedSet>(plan.Data.Nested[0]).Wheres.Count);
        Assert.Null(Assert.IsType<NestedDeleteMany>(plan.Data.Nested[4]).Where);
        var update = Assert.IsType<NestedUpdate>(plan.Data.Nested[5]);
        Assert.Equal("data.posts.update[0]", update.Path);
        Assert.Equal([new ColumnValue(PostField("views"), 1)], update.Data.Values);
        var upsert = Assert.IsType<NestedUpsert>(plan.Data.Nested[7]);
        Assert.Equal(new ComparisonFilter(PostField("slug"), ComparisonOperator.Equal, "up"), upsert.Where);
        Assert.Equal("Up", upsert.Create.Values[0].Value);
    }

    [Fact]
    public void Plan_NestedUpdateBreakingAFieldRule_NamesTheDataPath()
    {
        var result = Plan("""mutation { updateAuthor(where: { email: "a@x" }, data: { posts: { update: [{ where: { slug: "u" }, data: { rating: 7 } }] } }) { id } }""");

        Assert.Equal(["data.posts.update[0].data.rating"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Plan_ToOneNestedOperations_TargetTheConnectedRecord()
    {
        var plan = Root<UpdatePlan>("""
            mutation { updatePost(where: { slug: "a" }, data: { author: { upsert: { update: { age: 3 }, create: { name: "New" } } }, editor: { update: { name: "Ed" } } }) { id } }
            """);

        var upsert = Assert.IsType<NestedUpsert>(plan.Data.Nested[0]);
        Assert.Null(upsert.Where);
        Assert.Equal("data.author.upsert", upsert.Path);
        var update = Assert.IsType<NestedUpdate>(plan.Data.Nested[1]);
        Assert.Same(PostField("editor"), update.Relation);
        Assert.Null(update.Where);
        Assert.Empty(plan.Data.Relations);
    }

    [Theory]
    [InlineData("""editor: { delete: true }""", "data.editor.delete", "cannot be deleted")]
    [InlineData("""author: { create: { name: "A" }, connect: { email: "e@x" } }""", "data.author", "only one of")]
    [InlineData("""author: null""", "data.author", "rather than null")]
    public void Plan_InvalidToOneOperation_IsBadUserInput(string data, string field, string message)
    {
        var result = Plan($$"""mutation { updatePost(where: { slug: "a" }, data: { {{data}} }) { id } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CreateWithRequiredToOneGivenNoOperation_IsBadUserInput()
    {
        var result = Plan("""mutation { createPost(data: { title: "a", editor: {} }) { id } }""");

        Assert.Equal(["data.editor"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Plan_CreateWithScalarsAndConnectOnly_HasNoNestedWrites()
    {
        var plan = Root<CreatePlan>("""mutation { createPost(data: { title: "a", editor: { connect: { email: "e@x" } } }) { id } }""");

        Assert.False(plan.Data.HasNested);
    }
}
