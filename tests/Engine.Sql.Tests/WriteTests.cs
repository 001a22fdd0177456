using System.Text.Json;
using Engine.Query.Errors;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>Each write kind against real tables: what it stores, the JSON it returns, and NOT_FOUND cases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WriteTests(PostgresDatabase database)
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Create_ScalarsAndConnectById_StoresAndReturnsTheRow()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var id = Guid.CreateVersion7();

        var json = BlogDatabase.Json(await db.MutateAsync(new CreatePlan("createPost", db.Post, id,
            Data(
                [
                    Set(db.Post, "title", "Hello"), Set(db.Post, "price", 12.34m), Set(db.Post, "big", long.MaxValue),
                    Set(db.Post, "meta", new JsonText("""{"nested": {"list": [1, true, null, "ü"]}}""")),
                    Set(db.Post, "publishedAt", new DateTime(2024, 12, 31, 23, 59, 59, DateTimeKind.Utc)),
                    Set(db.Post, "day", new DateOnly(1999, 12, 31)),
                ],
                Connect(db.Model, db.Post, "author", Eq(db.User, "id", ada))),
            Select([.. Fields(db.Post, "id", "title", "price", "big", "meta", "publishedAt", "day", "status", "createdAt"),
                One(db.Model, db.Post, "author", Field(db.User, "name"))]))));

        Assert.Equal(id, json.GetProperty("id").GetGuid());
        Assert.Equal("12.34", json.GetProperty("price").GetString());
        Assert.Equal("9223372036854775807", json.GetProperty("big").GetString());
        Assert.Equal("ü", json.GetProperty("meta").GetProperty("nested").GetProperty("list")[3].GetString());
        Assert.Equal("2024-12-31T23:59:59.000000Z", json.GetProperty("publishedAt").GetString());
        Assert.Equal("1999-12-31", json.GetProperty("day").GetString());
        Assert.Equal("DRAFT", json.GetProperty("status").GetString());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("Ada", json.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(1L, await db.ScalarAsync($"SELECT count(*) FROM {{schema}}.\"post\" WHERE \"author_id\" = '{ada}'"));
    }

    [Fact]
    public async Task Create_ConnectByUniqueField_LooksUpTheTarget()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.UserAsync("Ada", "ada@example.com");

        var json = BlogDatabase.Json(await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "Hi")], Connect(db.Model, db.Post, "author", Eq(db.User, "email", "ada@example.com"))),
            Select(One(db.Model, db.Post, "author", Field(db.User, "email"))))));

        Assert.Equal("ada@example.com", json.GetProperty("author").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Create_ConnectToMissingId_IsNotFoundNamingTheRelation()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "Hi")], Connect(db.Model, db.Post, "author", Eq(db.User, "id", Guid.CreateVersion7()))),
            Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("data.author", result.Error?.Field);
        Assert.Contains("author", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Create_ConnectByUniqueFieldToMissingTarget_IsNotFoundAndWritesNothing()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "Hi")], Connect(db.Model, db.Post, "author", Eq(db.User, "email", "nobody@example.com"))),
            Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("data.author", result.Error?.Field);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Create_RequiredRelationToMissingTarget_IsNotFoundNotANullViolation()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new CreatePlan("createComment", db.Comment, Guid.CreateVersion7(),
            Data([Set(db.Comment, "body", "hi")], Connect(db.Model, db.Comment, "post", Eq(db.Post, "slug", "missing"))),
            Select(Field(db.Comment, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("data.post", result.Error?.Field);
    }

    [Fact]
    public async Task Update_ExistingRow_ChangesValuesAndUpdatedAt()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var id = await db.PostAsync("Old", ada, ("slug", "s"), ("created_at", LongAgo), ("updated_at", LongAgo));

        var json = BlogDatabase.Json(await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "slug", "s"),
            Data([Set(db.Post, "title", "New"), Set(db.Post, "views", 7)], Connect(db.Model, db.Post, "author", null)),
            Select([.. Fields(db.Post, "id", "title", "views", "createdAt", "updatedAt"), One(db.Model, db.Post, "author", Field(db.User, "name"))]))));

        Assert.Equal(id, json.GetProperty("id").GetGuid());
        Assert.Equal("New", json.GetProperty("title").GetString());
        Assert.Equal(7, json.GetProperty("views").GetInt32());
        Assert.Equal("2020-01-01T00:00:00.000000Z", json.GetProperty("createdAt").GetString());
        Assert.True(DateTime.Parse(json.GetProperty("updatedAt").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind) > LongAgo.AddYears(1));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("author").ValueKind);
    }

    [Fact]
    public async Task Update_MissingRow_ReturnsNullAndNotFound()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", Guid.CreateVersion7()),
            Data([Set(db.Post, "title", "New")]), Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("null", System.Text.Encoding.UTF8.GetString(result.Json!.Value.Span));
    }

    [Fact]
    public async Task Update_ConnectByUniqueFieldToMissingTarget_IsNotFoundAndChangesNothing()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("Keep");

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", id),
            Data([Set(db.Post, "title", "Changed")], Connect(db.Model, db.Post, "author", Eq(db.User, "email", "nobody@example.com"))),
            Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("data.author", result.Error?.Field);
        Assert.Equal("Keep", await db.ScalarAsync("SELECT \"title\" FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Upsert_ExistingRow_Updates()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("Old", null, ("slug", "s"));

        var json = BlogDatabase.Json(await db.MutateAsync(new UpsertPlan("upsertPost", db.Post, Eq(db.Post, "slug", "s"), Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "Created"), Set(db.Post, "slug", "s")]), Data([Set(db.Post, "title", "Updated")]),
            Select(Fields(db.Post, "id", "title")))));

        Assert.Equal(id, json.GetProperty("id").GetGuid());
        Assert.Equal("Updated", json.GetProperty("title").GetString());
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Upsert_MissingRow_Inserts()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var createId = Guid.CreateVersion7();

        var json = BlogDatabase.Json(await db.MutateAsync(new UpsertPlan("upsertPost", db.Post, Eq(db.Post, "slug", "s"), createId,
            Data([Set(db.Post, "title", "Created"), Set(db.Post, "slug", "s")]), Data([Set(db.Post, "title", "Updated")]),
            Select(Fields(db.Post, "id", "title")))));

        Assert.Equal(createId, json.GetProperty("id").GetGuid());
        Assert.Equal("Created", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upsert_ConnectLookups_UseTheBranchTaken()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.UserAsync("Ada", "ada@example.com");
        await db.PostAsync("Old", null, ("slug", "s"));
        RootPlan Plan(string where, string createEmail, string updateEmail) => new UpsertPlan("upsertPost", db.Post, Eq(db.Post, "slug", where),
            Guid.CreateVersion7(),
            Data([Set(db.Post, "title", "Created"), Set(db.Post, "slug", where)], Connect(db.Model, db.Post, "author", Eq(db.User, "email", createEmail))),
            Data([], Connect(db.Model, db.Post, "author", Eq(db.User, "email", updateEmail))),
            Select(One(db.Model, db.Post, "author", Field(db.User, "name"))));

        // The row exists: only the update's connect matters.
        var updated = BlogDatabase.Json(await db.MutateAsync(Plan("s", "nobody@example.com", "ada@example.com")));
        Assert.Equal("Ada", updated.GetProperty("author").GetProperty("name").GetString());

        var missingForUpdate = await db.MutateAsync(Plan("s", "ada@example.com", "nobody@example.com"));
        Assert.Equal(ErrorCode.NotFound, missingForUpdate.Error?.Code);
        Assert.Equal("update.author", missingForUpdate.Error?.Field);

        // The row does not exist: only the create's connect matters.
        var missingForCreate = await db.MutateAsync(Plan("t", "nobody@example.com", "ada@example.com"));
        Assert.Equal("create.author", missingForCreate.Error?.Field);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task Delete_ExistingRow_ReturnsItAsItWasWithRelations()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("Doomed");
        await db.CommentAsync("last words", id);

        var json = BlogDatabase.Json(await db.MutateAsync(new DeletePlan("deletePost", db.Post, Eq(db.Post, "id", id),
            Select(Field(db.Post, "title"), Many(db.Model, db.Post, "comments", ListArguments.All, Field(db.Comment, "body"))))));

        Assert.Equal("Doomed", json.GetProperty("title").GetString());
        Assert.Equal("last words", json.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"comment\""));
    }

    [Fact]
    public async Task Delete_MissingRow_ReturnsNullAndNotFound()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new DeletePlan("deletePost", db.Post, Eq(db.Post, "id", Guid.CreateVersion7()), Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.NotFound, result.Error?.Code);
        Assert.Equal("null", System.Text.Encoding.UTF8.GetString(result.Json!.Value.Span));
    }

    [Fact]
    public async Task UpdateMany_MatchingRows_CountsThemAsString()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("a", null, ("views", 1));
        await db.PostAsync("b", null, ("views", 1));
        await db.PostAsync("c", null, ("views", 2));

        var json = BlogDatabase.Json(await db.MutateAsync(new UpdateManyPlan("updateManyPosts", db.Post, Eq(db.Post, "views", 1),
            Data([Set(db.Post, "status", "PUBLISHED")]),
            new BatchSelection([new CountSelection("count"), new TypenameSelection("__typename", "BatchPayload")]))));

        Assert.Equal("2", json.GetProperty("count").GetString());
        Assert.Equal("BatchPayload", json.GetProperty("__typename").GetString());
        Assert.Equal(2L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\" WHERE \"status\" = 'PUBLISHED'"));
    }

    [Fact]
    public async Task DeleteMany_NoFilter_DeletesAllAndCountsThem()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("a");
        await db.PostAsync("b");

        var json = BlogDatabase.Json(await db.MutateAsync(new DeleteManyPlan("deleteManyPosts", db.Post, null, new BatchSelection([new CountSelection("n")]))));
        var none = BlogDatabase.Json(await db.MutateAsync(new DeleteManyPlan("deleteManyPosts", db.Post, null, new BatchSelection([new CountSelection("n")]))));

        Assert.Equal("2", json.GetProperty("n").GetString());
        Assert.Equal("0", none.GetProperty("n").GetString());
    }
}
