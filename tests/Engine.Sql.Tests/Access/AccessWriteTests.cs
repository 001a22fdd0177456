using Engine.Query.Errors;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests.Access;

/// <summary>Row filters and allow-lists on writes: WHERE narrowing, checks of written rows, and rollback on violation.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccessWriteTests(PostgresDatabase database)
{
    [Fact]
    public async Task MutateAsync_CreateInsideTheRowFilter_StoresAndReturnsTheRow()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");

        var json = AccessBlog.Json(await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "mine")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", ada))), Select(Field(db.Post, "title"))),
            AccessBlog.Writer(ada)));

        Assert.Equal("mine", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MutateAsync_CreateOutsideTheRowFilter_IsForbiddenAndLeavesNothing()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "forged")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", bob))), Select(Field(db.Post, "title"))),
            AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_UpdateOfAnotherCallersRow_IsNotFoundAndChangesNothing()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var theirs = await db.Blog.PostAsync("theirs", await db.Blog.UserAsync("Bob"));

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", theirs), Data([Set(db.Post, "title", "hacked")]),
            Select(Field(db.Post, "title"))), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("theirs", await db.ScalarAsync($"SELECT title FROM {{schema}}.\"post\" WHERE id = '{theirs}'"));
    }

    [Fact]
    public async Task MutateAsync_UpdateMovingTheRowOutOfTheFilter_IsForbiddenAndRolledBack()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var mine = await db.Blog.PostAsync("mine", ada);

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", mine),
            Data([Set(db.Post, "title", "gift")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", bob))), Select(Field(db.Post, "title"))),
            AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Equal("mine", await db.ScalarAsync($"SELECT title FROM {{schema}}.\"post\" WHERE id = '{mine}'"));
        Assert.Equal(ada, await db.ScalarAsync($"SELECT author_id FROM {{schema}}.\"post\" WHERE id = '{mine}'"));
    }

    [Fact]
    public async Task MutateAsync_UpsertCreatingOutsideTheCreateFilter_IsForbiddenAndLeavesNothing()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var id = Guid.CreateVersion7();
        UpsertPlan Upsert(Guid author) => new("upsertPost", db.Post, Eq(db.Post, "id", id), id,
            Data([Set(db.Post, "title", "new")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", author))), Data([Set(db.Post, "title", "changed")]),
            Select(Field(db.Post, "title")));

        var refused = await db.MutateAsync(Upsert(bob), AccessBlog.Writer(ada));
        var created = AccessBlog.Json(await db.MutateAsync(Upsert(ada), AccessBlog.Writer(ada)));
        var updated = AccessBlog.Json(await db.MutateAsync(Upsert(ada), AccessBlog.Writer(ada)));

        Assert.Equal(ErrorCode.Forbidden, refused.Error?.Code);
        Assert.Equal("new", created.GetProperty("title").GetString());
        Assert.Equal("changed", updated.GetProperty("title").GetString());
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_UpdateManyAndDeleteMany_CountOnlyPermittedRows()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        await db.Blog.PostAsync("a", ada);
        await db.Blog.PostAsync("b", bob);
        await db.Blog.PostAsync("c", bob);
        var count = new BatchSelection([new CountSelection("count")]);

        var updated = AccessBlog.Json(await db.MutateAsync(new UpdateManyPlan("updateManyPosts", db.Post, null, Data([Set(db.Post, "views", 9)]), count),
            AccessBlog.Writer(ada)));
        var deleted = AccessBlog.Json(await db.MutateAsync(new DeleteManyPlan("deleteManyPosts", db.Post, null, count), AccessBlog.Writer(ada)));

        Assert.Equal("1", updated.GetProperty("count").GetString());
        Assert.Equal("1", deleted.GetProperty("count").GetString());
        Assert.Equal(2L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\" WHERE views IS NULL"));
    }

    [Fact]
    public async Task MutateAsync_UpdateManyMovingRowsOut_IsForbiddenAndRolledBack()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        await db.Blog.PostAsync("a", ada);

        var result = await db.MutateAsync(new UpdateManyPlan("updateManyPosts", db.Post, null,
            Data([], Connect(db.Model, db.Post, "author", Eq(db.User, "id", bob))), new BatchSelection([new CountSelection("count")])), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Equal(1L, await db.ScalarAsync($"SELECT count(*) FROM {{schema}}.\"post\" WHERE author_id = '{ada}'"));
    }

    [Fact]
    public async Task MutateAsync_DeleteOfAnotherCallersRow_IsNotFoundAndKeepsIt()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var theirs = await db.Blog.PostAsync("theirs", await db.Blog.UserAsync("Bob"));

        var result = await db.MutateAsync(new DeletePlan("deletePost", db.Post, Eq(db.Post, "id", theirs), Select(Field(db.Post, "title"))), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_ActionNotGranted_IsForbiddenAndWritesNothing()
    {
        var db = await AccessBlog.CreateAsync(database);
        var bob = await db.Blog.UserAsync("Bob");
        var post = await db.Blog.PostAsync("live", bob, ("published", true));

        var result = await db.MutateAsync(new DeletePlan("deletePost", db.Post, Eq(db.Post, "id", post), Select(Field(db.Post, "title"))), AccessBlog.Reader);

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Equal("The role(s) reader may not delete Post.", result.Error!.Message);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_WritingAFieldOutsideTheAllowList_IsForbiddenNamingIt()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");

        // A writer may update their own user, but only read its name and posts; update has no field list, so email is writable.
        var allowed = await db.MutateAsync(new UpdatePlan("updateUser", db.User, Eq(db.User, "id", ada), Data([Set(db.User, "email", "ada@example.com")]),
            Select(Field(db.User, "name"))), AccessBlog.Writer(ada));
        var readBack = AccessBlog.Json(allowed);
        Assert.False(readBack.TryGetProperty("email", out _));

        var filtered = await db.MutateAsync(new UpdatePlan("updateUser", db.User, Eq(db.User, "email", "ada@example.com"), Data([Set(db.User, "name", "A")]),
            Select(Field(db.User, "name"))), AccessBlog.Writer(ada));
        Assert.Equal((ErrorCode.Forbidden, "where.email"), (filtered.Error!.Code, filtered.Error.Field));
    }

    [Fact]
    public async Task MutateAsync_CreateWithFieldNotInCreateAllowList_IsForbiddenNamingDataField()
    {
        var db = await AccessBlog.CreateAsync(database);

        var allowed = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(), Data([Set(db.Post, "title", "ok")]),
            Select(Field(db.Post, "title"))), AccessBlog.Editor);
        var denied = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(), Data([Set(db.Post, "title", "x"), Set(db.Post, "views", 3)]),
            Select(Field(db.Post, "title"))), AccessBlog.Editor);

        // The editor may not read posts, so the created post comes back as null rather than NOT_FOUND.
        Assert.Null(allowed.Error);
        Assert.Equal("null", System.Text.Encoding.UTF8.GetString(allowed.Json!.Value.Span));
        Assert.Equal((ErrorCode.Forbidden, "data.views"), (denied.Error!.Code, denied.Error.Field));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_NestedCreateInsideTheFilters_StoresEverything()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var data = new WriteData([Set(db.Post, "title", "mine")], [Connect(db.Model, db.Post, "author", Eq(db.User, "id", ada))],
            [new NestedCreate(db.Post.Field("comments")!, db.Comment, "data.comments.create[0]", Guid.CreateVersion7(), Data([Set(db.Comment, "body", "hi")]))]);

        var json = AccessBlog.Json(await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(), data,
            Select(Field(db.Post, "title"), Many(db.Model, db.Post, "comments", ListArguments.All, Field(db.Comment, "body")))), AccessBlog.Writer(ada)));

        Assert.Equal("hi", json.GetProperty("comments")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task MutateAsync_NestedUpdateMovingARowOut_IsForbiddenAndRollsBackEverything()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var mine = await db.Blog.PostAsync("mine", ada);
        var data = new WriteData([Set(db.User, "name", "Ada2")], [],
        [
            new NestedUpdate(db.User.Field("posts")!, db.Post, "data.posts.update[0]", Eq(db.Post, "id", mine),
                Data([Set(db.Post, "title", "moved")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", bob)))),
        ]);

        var result = await db.MutateAsync(new UpdatePlan("updateUser", db.User, Eq(db.User, "id", ada), data, Select(Field(db.User, "name"))), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Equal("data.posts.update[0].data", result.Error!.Field);
        Assert.Equal("Ada", await db.ScalarAsync($"SELECT name FROM {{schema}}.\"user\" WHERE id = '{ada}'"));
        Assert.Equal("mine", await db.ScalarAsync($"SELECT title FROM {{schema}}.\"post\" WHERE id = '{mine}'"));
    }

    [Fact]
    public async Task MutateAsync_NestedConnectOfARowTheCallerCannotUpdate_IsNotFoundAndChangesNothing()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var bob = await db.Blog.UserAsync("Bob");
        var theirs = await db.Blog.PostAsync("theirs", bob);
        var data = new WriteData([], [], [new NestedConnect(db.User.Field("posts")!, db.Post, "data.posts.connect[0]", Eq(db.Post, "id", theirs))]);

        var result = await db.MutateAsync(new UpdatePlan("updateUser", db.User, Eq(db.User, "id", ada), data, Select(Field(db.User, "name"))), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal(bob, await db.ScalarAsync($"SELECT author_id FROM {{schema}}.\"post\" WHERE id = '{theirs}'"));
    }

    [Fact]
    public async Task MutateAsync_NestedCreateOfAnActionNotGranted_IsForbidden()
    {
        var db = await AccessBlog.CreateAsync(database);
        var ada = await db.Blog.UserAsync("Ada");
        var data = new WriteData([Set(db.Post, "title", "mine")], [Connect(db.Model, db.Post, "author", Eq(db.User, "id", ada))],
            [new NestedCreate(db.Post.Field("tags")!, db.Tag, "data.tags.create[0]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "t")]))]);

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(), data, Select(Field(db.Post, "title"))), AccessBlog.Writer(ada));

        Assert.Equal(ErrorCode.Forbidden, result.Error?.Code);
        Assert.Contains("may not create Tag", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }
}
