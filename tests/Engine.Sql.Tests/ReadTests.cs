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
}
