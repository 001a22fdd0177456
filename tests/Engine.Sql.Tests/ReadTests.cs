using System.Text.Json;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReadTests(PostgresDatabase database)
{
    [Fact]
    public async Task FindUnique_ExistingId_ReturnsObjectWithKeysInSelectionOrder()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("Hello");

        var json = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "id", id),
            Select(Field(db.Post, "title", "heading"), Field(db.Post, "id"), new TypenameSelection("__typename", "Post"))));

        Assert.Equal(["heading", "id", "__typename"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Hello", json.GetProperty("heading").GetString());
        Assert.Equal(id, json.GetProperty("id").GetGuid());
        Assert.Equal("Post", json.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task FindUnique_MissingRow_ReturnsNull()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var json = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "slug", "nope"), Select(Field(db.Post, "id"))));

        Assert.Equal(JsonValueKind.Null, json.ValueKind);
    }

    [Fact]
    public async Task FindMany_NoRows_ReturnsEmptyList()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var json = await db.QueryAsync(new FindManyPlan("posts", db.Post, ListArguments.All, Select(Field(db.Post, "id"))));

        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(0, json.GetArrayLength());
    }

    [Fact]
    public async Task Scalars_EveryType_AreWrittenInTheirJsonForms()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var at = new DateTime(2024, 5, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234560);
        var id = await db.PostAsync("Typed", null,
            ("views", 42), ("rating", 4.5), ("price", 1234.5m), ("big", 9007199254740993L), ("published", true),
            ("published_at", at), ("day", new DateOnly(2024, 2, 29)),
            ("meta", new Npgsql.NpgsqlParameter { Value = """{"a": [1, "x"], "b": null}""", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb }),
            ("status", "PUBLISHED"));

        var json = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "id", id), Select(Fields(db.Post,
            "id", "title", "views", "rating", "price", "big", "published", "publishedAt", "day", "meta", "status", "slug"))));

        Assert.Equal(42, json.GetProperty("views").GetInt32());
        Assert.Equal(4.5, json.GetProperty("rating").GetDouble());
        Assert.Equal("1234.50", json.GetProperty("price").GetString());
        Assert.Equal("9007199254740993", json.GetProperty("big").GetString());
        Assert.True(json.GetProperty("published").GetBoolean());
        Assert.Equal("2024-05-01T12:30:15.123456Z", json.GetProperty("publishedAt").GetString());
        Assert.Equal("2024-02-29", json.GetProperty("day").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("meta").ValueKind);
        Assert.Equal("x", json.GetProperty("meta").GetProperty("a")[1].GetString());
        Assert.Equal("PUBLISHED", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("slug").ValueKind);
    }

    private static async Task<BlogDatabase> FivePostsAsync(PostgresDatabase database)
    {
        var db = await BlogDatabase.CreateAsync(database);
        foreach (var (title, views) in new[] { ("p1", 50), ("p2", 40), ("p3", 30), ("p4", 20), ("p5", 10) })
        {
            await db.PostAsync(title, null, ("views", views));
        }

        return db;
    }

    private static async Task<string[]> TitlesAsync(BlogDatabase db, ListArguments args)
    {
        var json = await db.QueryAsync(new FindManyPlan("posts", db.Post, args, Select(Field(db.Post, "title"))));
        return json.EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToArray();
    }

    [Fact]
    public async Task FindMany_OrderAndPage_AppliesSkipThenFirst()
    {
        var db = await FivePostsAsync(database);
        Assert.Equal(["p4", "p3"], await TitlesAsync(db, List(skip: 1, first: 2, orderBy: [Asc(db.Post, "views")])));
        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], await TitlesAsync(db, List(orderBy: [Desc(db.Post, "views")])));
    }

    [Fact]
    public async Task FindMany_SkipBeyondEnd_ReturnsEmptyList()
    {
        var db = await FivePostsAsync(database);
        Assert.Empty(await TitlesAsync(db, List(skip: 10, first: 2)));
        Assert.Empty(await TitlesAsync(db, List(first: 0)));
    }

    [Fact]
    public async Task FindMany_LastWithoutFirst_ReturnsTheLastRowsInRequestedOrder()
    {
        var db = await FivePostsAsync(database);
        Assert.Equal(["p4", "p5"], await TitlesAsync(db, List(last: 2, orderBy: [Asc(db.Post, "title")])));
        Assert.Equal(["p3", "p4"], await TitlesAsync(db, List(skip: 1, last: 2, orderBy: [Asc(db.Post, "title")])));
        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], await TitlesAsync(db, List(last: 50, orderBy: [Asc(db.Post, "title")])));
    }

    [Fact]
    public async Task FindMany_FirstAndLast_TakesTheLastOfTheFirstPage()
    {
        var db = await FivePostsAsync(database);
        Assert.Equal(["p2", "p3"], await TitlesAsync(db, List(first: 3, last: 2, orderBy: [Asc(db.Post, "title")])));
    }

    [Fact]
    public async Task FindMany_TiesInOrderKey_BrokenById()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await db.PostAsync("same"));
        }

        var json = await db.QueryAsync(new FindManyPlan("posts", db.Post, List(first: 6, orderBy: [Asc(db.Post, "title")]), Select(Field(db.Post, "id"))));
        var expected = ids.Select(id => id.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, json.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToArray());
    }

    [Fact]
    public async Task BenchQuery_PostsWithAuthorAndFirstComments_NestsPerRow()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var first = await db.PostAsync("first", ada);
        await db.PostAsync("second");
        for (var i = 0; i < 7; i++)
        {
            await db.CommentAsync("c" + i, first);
        }

        var json = await db.QueryAsync(new FindManyPlan("posts", db.Post, List(first: 10, orderBy: [Asc(db.Post, "title")]),
            Select(
                Field(db.Post, "title"),
                One(db.Model, db.Post, "author", Field(db.User, "name")),
                Many(db.Model, db.Post, "comments", List(first: 5, orderBy: [Asc(db.Comment, "body")]), Field(db.Comment, "body")))));

        var posts = json.EnumerateArray().ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal("Ada", posts[0].GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], posts[0].GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        Assert.Equal(JsonValueKind.Null, posts[1].GetProperty("author").ValueKind);
        Assert.Equal(0, posts[1].GetProperty("comments").GetArrayLength());
    }

    [Fact]
    public async Task NestedRelations_DepthThree_WithFiltersAndPagingPerParent()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var bob = await db.UserAsync("Bob");
        var a1 = await db.PostAsync("a1", ada, ("published", true));
        await db.PostAsync("a2", ada, ("published", false));
        var b1 = await db.PostAsync("b1", bob, ("published", true));
        await db.CommentAsync("x", a1);
        await db.CommentAsync("y", a1);
        await db.CommentAsync("z", b1);

        var json = await db.QueryAsync(new FindManyPlan("users", db.User, List(orderBy: [Asc(db.User, "name")]),
            Select(
                Field(db.User, "name"),
                Many(db.Model, db.User, "posts", List(Eq(db.Post, "published", true)),
                    Field(db.Post, "title"),
                    Many(db.Model, db.Post, "comments", List(last: 1, orderBy: [Asc(db.Comment, "body")]),
                        Field(db.Comment, "body"),
                        One(db.Model, db.Comment, "post", One(db.Model, db.Post, "author", Field(db.User, "name"))))))));

        var users = json.EnumerateArray().ToArray();
        var adaPosts = users[0].GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal("a1", Assert.Single(adaPosts).GetProperty("title").GetString());
        var comment = Assert.Single(adaPosts[0].GetProperty("comments").EnumerateArray());
        Assert.Equal("y", comment.GetProperty("body").GetString());
        Assert.Equal("Ada", comment.GetProperty("post").GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("z", users[1].GetProperty("posts")[0].GetProperty("comments")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task ManyToMany_BothSides_ReadThroughTheJoinTable()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var red = await db.TagAsync("red");
        var blue = await db.TagAsync("blue");
        var post = await db.PostAsync("tagged");
        var other = await db.PostAsync("other");
        await db.LinkAsync(post, red);
        await db.LinkAsync(post, blue);
        await db.LinkAsync(other, red);

        var tags = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "id", post),
            Select(Many(db.Model, db.Post, "tags", List(orderBy: [Asc(db.Tag, "label")]), Field(db.Tag, "label")))));
        Assert.Equal(["blue", "red"], tags.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("label").GetString()));

        var posts = await db.QueryAsync(new FindUniquePlan("tag", db.Tag, Eq(db.Tag, "label", "red"),
            Select(Many(db.Model, db.Tag, "posts", List(first: 1, orderBy: [Desc(db.Post, "title")]), Field(db.Post, "title")))));
        Assert.Equal(["tagged"], posts.GetProperty("posts").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(130)]
    public async Task WideSelection_MoreKeysThanOneCallTakes_KeepsEveryKeyInOrder(int keys)
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("wide", null, ("meta", new Npgsql.NpgsqlParameter { Value = """{"x": {"y": 1}}""", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb }));
        var items = Enumerable.Range(0, keys)
            .Select(i => i % 2 == 0 ? Field(db.Post, "title", "k" + i) : (SelectionItem)Field(db.Post, "meta", "k" + i))
            .ToArray();

        var json = await db.QueryAsync(new FindUniquePlan("post", db.Post, Eq(db.Post, "id", id), Select(items)));

        Assert.Equal(Enumerable.Range(0, keys).Select(i => "k" + i), json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.GetProperty("k" + (keys - 1 - (keys % 2 == 0 ? 0 : 1))).GetProperty("x").GetProperty("y").GetInt32());
    }

    [Fact]
    public async Task QueryAsync_SeveralPlans_ReturnsEachResultInOrder()
    {
        var db = await FivePostsAsync(database);

        var results = await db.QueryAllAsync(
            new FindManyPlan("a", db.Post, List(first: 1, orderBy: [Asc(db.Post, "title")]), Select(Field(db.Post, "title"))),
            new FindUniquePlan("b", db.Post, Eq(db.Post, "title", "missing"), Select(Field(db.Post, "title"))),
            new FindManyPlan("c", db.Post, List(last: 1, orderBy: [Asc(db.Post, "title")]), Select(Field(db.Post, "title"))));

        Assert.Equal("p1", BlogDatabase.Json(results[0])[0].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, BlogDatabase.Json(results[1]).ValueKind);
        Assert.Equal("p5", BlogDatabase.Json(results[2])[0].GetProperty("title").GetString());
    }
}
