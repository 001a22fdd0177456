using Engine.Query.Errors;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>Nested writes against real tables: what they store, the selection read after them, and rollback on failure.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NestedWriteTests(PostgresDatabase database)
{
    [Fact]
    public async Task Create_NestedCreatesOfEveryKind_StoresThemAndReadsTheSelectionAfter()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var old = await db.TagAsync("old");
        var postId = Guid.CreateVersion7();
        var data = new WriteData([Set(db.Post, "title", "Hello")], [],
        [
            new NestedCreate(db.Post.Field("author")!, db.User, "data.author.create", Guid.CreateVersion7(), Data([Set(db.User, "name", "Ada")])),
            new NestedCreate(db.Post.Field("comments")!, db.Comment, "data.comments.create[0]", Guid.CreateVersion7(), Data([Set(db.Comment, "body", "a")])),
            new NestedCreate(db.Post.Field("comments")!, db.Comment, "data.comments.create[1]", Guid.CreateVersion7(), Data([Set(db.Comment, "body", "b")])),
            new NestedCreate(db.Post.Field("tags")!, db.Tag, "data.tags.create[0]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "new")])),
            new NestedConnect(db.Post.Field("tags")!, db.Tag, "data.tags.connect[0]", Eq(db.Tag, "id", old)),
        ]);

        var json = BlogDatabase.Json(await db.MutateAsync(new CreatePlan("createPost", db.Post, postId, data,
            Select(
                Field(db.Post, "title"),
                One(db.Model, db.Post, "author", Field(db.User, "name")),
                Many(db.Model, db.Post, "comments", List(orderBy: [Asc(db.Comment, "body")]), Field(db.Comment, "body")),
                Many(db.Model, db.Post, "tags", List(orderBy: [Asc(db.Tag, "label")]), Field(db.Tag, "label"))))));

        Assert.Equal("Ada", json.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(["a", "b"], json.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        Assert.Equal(["new", "old"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Create_UniqueViolationInTheThirdNestedCreate_LeavesNothingBehind()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var tags = db.Post.Field("tags")!;
        var data = new WriteData([Set(db.Post, "title", "Hello")], [],
        [
            new NestedCreate(tags, db.Tag, "data.tags.create[0]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "a")])),
            new NestedCreate(tags, db.Tag, "data.tags.create[1]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "b")])),
            new NestedCreate(tags, db.Tag, "data.tags.create[2]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "a")])),
        ]);

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(), data, Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.UniqueViolation, result.Error?.Code);
        Assert.Equal("data.tags.create[2].label", result.Error?.Field);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"tag\""));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post_tags\""));
    }

    [Fact]
    public async Task Update_ConnectToMissingRecord_IsNotFoundAndRollsBackTheUpdate()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var post = await db.PostAsync("Before");
        var data = new WriteData([Set(db.Post, "title", "After")], [],
        [
            new NestedCreate(db.Post.Field("tags")!, db.Tag, "data.tags.create[0]", Guid.CreateVersion7(), Data([Set(db.Tag, "label", "x")])),
            new NestedConnect(db.Post.Field("tags")!, db.Tag, "data.tags.connect[0]", Eq(db.Tag, "label", "missing")),
        ]);

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", post), data, Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("data.tags.connect[0]", result.Error?.Field);
        Assert.Equal("Before", await db.ScalarAsync($"SELECT title FROM {{schema}}.\"post\" WHERE id = '{post}'"));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"tag\""));
    }

    [Fact]
    public async Task Upsert_WithNestedWrites_RunsTheBranchTaken()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var comments = db.Post.Field("comments")!;
        UpsertPlan Upsert(string body) => new("upsertPost", db.Post, Eq(db.Post, "slug", "s"), Guid.CreateVersion7(),
            new WriteData([Set(db.Post, "title", "Created"), Set(db.Post, "slug", "s")], [],
                [new NestedCreate(comments, db.Comment, "create.comments.create[0]", Guid.CreateVersion7(), Data([Set(db.Comment, "body", body)]))]),
            new WriteData([Set(db.Post, "title", "Updated")], [],
                [new NestedCreate(comments, db.Comment, "update.comments.create[0]", Guid.CreateVersion7(), Data([Set(db.Comment, "body", body)]))]),
            Select(Field(db.Post, "title"), Many(db.Model, db.Post, "comments", List(orderBy: [Asc(db.Comment, "body")]), Field(db.Comment, "body"))));

        var created = BlogDatabase.Json(await db.MutateAsync(Upsert("first")));
        var updated = BlogDatabase.Json(await db.MutateAsync(Upsert("second")));

        Assert.Equal("Created", created.GetProperty("title").GetString());
        Assert.Equal("Updated", updated.GetProperty("title").GetString());
        Assert.Equal(["first", "second"], updated.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Update_ToManyOperations_ChangeOnlyTheParentsRecords()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var post = await db.PostAsync("Mine");
        var other = await db.PostAsync("Other");
        var keep = await db.CommentAsync("keep", post);
        var gone = await db.CommentAsync("gone", post);
        var foreign = await db.CommentAsync("foreign", other);
        var comments = db.Post.Field("comments")!;
        var data = new WriteData([], [],
        [
            new NestedDelete(comments, db.Comment, "data.comments.delete[0]", Eq(db.Comment, "id", gone)),
            new NestedUpdateMany(comments, db.Comment, "data.comments.updateMany[0]", null, Data([Set(db.Comment, "body", "changed")])),
        ]);

        var json = BlogDatabase.Json(await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", post), data,
            Select(Many(db.Model, db.Post, "comments", ListArguments.All, Field(db.Comment, "id"), Field(db.Comment, "body"))))));

        var only = Assert.Single(json.GetProperty("comments").EnumerateArray());
        Assert.Equal(keep, only.GetProperty("id").GetGuid());
        Assert.Equal("changed", only.GetProperty("body").GetString());
        Assert.Equal("foreign", await db.ScalarAsync($"SELECT body FROM {{schema}}.\"comment\" WHERE id = '{foreign}'"));

        var missing = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", post),
            new WriteData([], [], [new NestedDelete(comments, db.Comment, "data.comments.delete[0]", Eq(db.Comment, "id", foreign))]),
            Select(Field(db.Post, "id"))));
        Assert.Equal(ErrorCode.NotFound, missing.Error?.Code);
        Assert.Equal("data.comments.delete[0]", missing.Error?.Field);
        Assert.Equal(1L, await db.ScalarAsync($"SELECT count(*) FROM {{schema}}.\"comment\" WHERE id = '{foreign}'"));
    }
}
