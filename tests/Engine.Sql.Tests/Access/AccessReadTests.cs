using Engine.Query.Errors;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests.Access;

/// <summary>Row filters and field allow-lists on reads, through <c>SqlPlanExecutor</c> on real tables.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessReadTests(PostgresDatabase database)
{
    [Fact]
    public async Task QueryAsync_ListWithClaimRowFilter_ReturnsOnlyTheCallersRows()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        await db.Blog.PostAsync("mine", ada);
        await db.Blog.PostAsync("theirs", bob);

        var json = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("posts", db.Post, ListArguments.All, Select(Field(db.Post, "title"))), AccessBlog.Writer(ada)));

        Assert.Equal(["mine"], json.EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task QueryAsync_MissingClaim_ReturnsNoRows()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        await db.Blog.PostAsync("mine", ada);

        var json = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("posts", db.Post, ListArguments.All, Select(Field(db.Post, "title"))), AccessBlog.Writer(null)));

        Assert.Equal(0, json.GetArrayLength());
    }

    [Fact]
    public async Task QueryAsync_FindUniqueOfAnotherCallersRow_IsNull()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var theirs = await db.Blog.PostAsync("theirs", bob);

        var result = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "id", theirs), Select(Field(db.Post, "title"))), AccessBlog.Writer(ada));

        Assert.Equal("null", System.Text.Encoding.UTF8.GetString(result.Json!.Value.Span));
    }

    [Fact]
    public async Task QueryAsync_ConnectionAggregateCount_CountsOnlyReadableRows()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        await db.Blog.PostAsync("a1", ada);
        await db.Blog.PostAsync("a2", ada);
        await db.Blog.PostAsync("b1", bob);

        var plan = new ConnectionPlan("postsConnection", db.Post, ListArguments.All,
            [new AggregateSelection("aggregate", [new AggregateCountSelection("count")])]);
        var json = AccessBlog.Json(await db.QueryAsync(plan, AccessBlog.Writer(ada)));

        Assert.Equal(2, json.GetProperty("aggregate").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task QueryAsync_NestedToManyAndToOne_HideRowsTheCallerCannotRead()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var draft = await db.Blog.PostAsync("draft", bob, ("published", false));
        var live = await db.Blog.PostAsync("live", bob, ("published", true));
        await db.Blog.CommentAsync("on draft", draft);
        await db.Blog.CommentAsync("on live", live);

        // A reader sees every comment, but only published posts: the draft's comment has no post.
        var comments = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("comments", db.Comment, List(orderBy: [Asc(db.Comment, "body")]),
            Select(Field(db.Comment, "body"), One(db.Model, db.Comment, "post", Field(db.Post, "title")))), AccessBlog.Reader));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, comments[0].GetProperty("post").ValueKind);
        Assert.Equal("live", comments[1].GetProperty("post").GetProperty("title").GetString());

        // A writer sees every user, but only their own posts under each.
        await db.Blog.PostAsync("ada's", ada);
        var users = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("users", db.User, ListArguments.All,
            Select(Field(db.User, "name"), Many(db.Model, db.User, "posts", ListArguments.All, Field(db.Post, "title")))), AccessBlog.Writer(ada)));
        Assert.Equal(["ada's"], users.EnumerateArray().SelectMany(u => u.GetProperty("posts").EnumerateArray()).Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task QueryAsync_RelationFilters_RangeOnlyOverReadableRows()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        await db.Blog.PostAsync("secret", bob);
        await db.Blog.PostAsync("open", ada);

        var some = ToMany(db.Model, db.User, "posts", ToManyQuantifier.Some, Eq(db.Post, "title", "secret"));
        var every = ToMany(db.Model, db.User, "posts", ToManyQuantifier.Every, Eq(db.Post, "title", "open"));
        var someJson = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("users", db.User, List(some), Select(Field(db.User, "name"))), AccessBlog.Writer(ada)));
        var everyJson = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("users", db.User, List(every, orderBy: [Asc(db.User, "name")]),
            Select(Field(db.User, "name"))), AccessBlog.Writer(ada)));

        // Bob's post is not readable, so "some post is 'secret'" holds for nobody, and "every post is 'open'" holds for Bob (no readable post).
        Assert.Equal(0, someJson.GetArrayLength());
        Assert.Equal(["Ada", "Bob"], everyJson.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task QueryAsync_UnreadableFields_AreLeftOutOfTheSelection()
    {
        var db = await AccessBlog.CreateAsync(database);
        var bob = await db.Blog.UserAsync("Bob", "bob@example.com");
        await db.Blog.PostAsync("live", bob, ("published", true), ("views", 7));

        var json = AccessBlog.Json(await db.QueryAsync(new FindManyPlan("posts", db.Post, ListArguments.All,
            Select([.. Fields(db.Post, "id", "title", "views"), One(db.Model, db.Post, "author", Fields(db.User, "name", "email"))])), AccessBlog.Reader));

        var post = Assert.Single(json.EnumerateArray());
        Assert.True(post.TryGetProperty("id", out _));
        Assert.False(post.TryGetProperty("views", out _));
        Assert.Equal("Bob", post.GetProperty("author").GetProperty("name").GetString());
        Assert.False(post.GetProperty("author").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task QueryAsync_FilterOrOrderOnUnreadableField_IsForbiddenNamingThePath()
    {
        var db = await AccessBlog.CreateAsync(database);

        var filtered = await db.QueryAsync(new FindManyPlan("posts", db.Post, List(Eq(db.Post, "views", 7)), Select(Field(db.Post, "title"))), AccessBlog.Reader);
        var ordered = await db.QueryAsync(new FindManyPlan("posts", db.Post, List(orderBy: [Asc(db.Post, "views")]), Select(Field(db.Post, "title"))),
            AccessBlog.Reader);
        var nested = await db.QueryAsync(new FindManyPlan("posts", db.Post,
            List(ToOne(db.Model, db.Post, "author", Eq(db.User, "email", "x@example.com"))), Select(Field(db.Post, "title"))), AccessBlog.Reader);

        Assert.Equal((ErrorCode.Forbidden, "where.views"), (filtered.Error!.Code, filtered.Error.Field));
        Assert.Equal((ErrorCode.Forbidden, "orderBy.views"), (ordered.Error!.Code, ordered.Error.Field));
        Assert.Equal((ErrorCode.Forbidden, "where.author.email"), (nested.Error!.Code, nested.Error.Field));
    }

    [Fact]
    public async Task QueryAsync_ActionNotGranted_IsForbiddenWhileOtherPlansRun()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        await db.Blog.PostAsync("mine", ada);
        var stranger = new Engine.Query.Context.RequestContext("x", ["stranger"], new Dictionary<string, string>());

        var results = await db.Executor.QueryAsync(db.Model,
            [new FindManyPlan("posts", db.Post, ListArguments.All, Select(Field(db.Post, "title")))], stranger, CancellationToken.None);
        var mixed = await db.Executor.QueryAsync(db.Model,
        [
            new FindManyPlan("posts", db.Post, List(Eq(db.Post, "views", 1)), Select(Field(db.Post, "title"))),
            new FindManyPlan("users", db.User, ListArguments.All, Select(Field(db.User, "name"))),
        ], AccessBlog.Reader, CancellationToken.None);

        Assert.Equal(ErrorCode.Forbidden, Assert.Single(results).Error?.Code);
        Assert.Contains("stranger", results[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.Forbidden, mixed[0].Error?.Code);
        Assert.Equal("Ada", AccessBlog.Json(mixed[1])[0].GetProperty("name").GetString());
    }
}
