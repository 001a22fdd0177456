using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>Connections and cursors against PostgreSQL: cursors built by SQL, read by CursorCodec, and the keyset predicates.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectionTests(PostgresDatabase database)
{
    private static readonly PageInfoSelection PageInfo = new("pageInfo",
    [
        new PageInfoFieldSelection("hasNextPage", PageInfoField.HasNextPage),
        new PageInfoFieldSelection("hasPreviousPage", PageInfoField.HasPreviousPage),
        new PageInfoFieldSelection("startCursor", PageInfoField.StartCursor),
        new PageInfoFieldSelection("endCursor", PageInfoField.EndCursor),
    ]);

    /// <summary>Rows with duplicates and NULLs in every sortable column, so keysets must break ties by id and place NULLs.</summary>
    private static async Task SeedAsync(BlogDatabase db)
    {
        var at = new DateTime(2024, 5, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234560);
        for (var i = 0; i < 9; i++)
        {
            var isNull = i % 3 == 2;
            await db.PostAsync("T" + (i % 4), null,
                ("views", isNull ? null : i % 2),
                ("rating", isNull ? null : i % 2 == 0 ? 0.1 : 1e-300),
                ("price", isNull ? null : i % 2 == 0 ? 12345678.91m : 0.01m),
                ("big", isNull ? null : i % 2 == 0 ? 9007199254740993L : -1L),
                ("published", isNull ? null : i % 2 == 0),
                ("published_at", isNull ? null : at.AddTicks(i % 2 * 10)),
                ("day", isNull ? null : new DateOnly(2024, 2, 28 + (i % 2))),
                ("meta", new Npgsql.NpgsqlParameter { Value = isNull ? DBNull.Value : i % 2 == 0 ? "null" : """{"a": [1, "x"]}""", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb }),
                ("status", isNull ? null : i % 2 == 0 ? "DRAFT" : "PUBLISHED"));
        }
    }

    [Theory]
    [InlineData("title")]
    [InlineData("views")]
    [InlineData("rating")]
    [InlineData("price")]
    [InlineData("big")]
    [InlineData("published")]
    [InlineData("publishedAt")]
    [InlineData("day")]
    [InlineData("meta")]
    [InlineData("status")]
    [InlineData("id")]
    public async Task Connection_PagingBothWaysByEachSortKey_VisitsTheListInOrder(string field)
    {
        var db = await BlogDatabase.CreateAsync(database);
        await SeedAsync(db);

        foreach (var descending in new[] { false, true })
        {
            OrderBy[] orderBy = [new OrderBy(db.Post.Field(field)!, descending)];
            var all = Ids(await db.QueryAsync(new FindManyPlan("posts", db.Post, List(orderBy: orderBy), Select(Field(db.Post, "id")))));
            var keys = SortKeys.Of(db.Post, orderBy);

            var forward = new List<Guid>();
            Cursor? after = null;
            for (var hasNext = true; hasNext;)
            {
                var page = await PageAsync(db, List(first: 2, orderBy: orderBy) with { After = after });
                forward.AddRange(NodeIds(page));
                hasNext = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
                after = Decode(page.GetProperty("pageInfo").GetProperty("endCursor").GetString()!, keys);
            }

            var backward = new List<Guid>();
            Cursor? before = null;
            for (var hasPrevious = true; hasPrevious;)
            {
                var page = await PageAsync(db, List(last: 2, orderBy: orderBy) with { Before = before });
                backward.InsertRange(0, NodeIds(page));
                hasPrevious = page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean();
                before = Decode(page.GetProperty("pageInfo").GetProperty("startCursor").GetString()!, keys);
            }

            Assert.Equal(all, forward);
            Assert.Equal(all, backward);
        }
    }

    [Fact]
    public async Task Connection_EdgeCursors_MatchPageInfoAndEdgesKeepTheOrder()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await SeedAsync(db);

        var page = await PageAsync(db, List(skip: 1, last: 3, orderBy: [Desc(db.Post, "views")]));

        var edges = page.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(3, edges.Count);
        Assert.Equal(page.GetProperty("pageInfo").GetProperty("startCursor").GetString(), edges[0].GetProperty("cursor").GetString());
        Assert.Equal(page.GetProperty("pageInfo").GetProperty("endCursor").GetString(), edges[2].GetProperty("cursor").GetString());
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Connection_EmptyTable_HasAnEmptyPageWithNullCursorsAndZeroCount()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var page = await db.QueryAsync(new ConnectionPlan("postsConnection", db.Post, List(first: 5),
            [PageInfo, Edges(db), new AggregateSelection("aggregate", [new AggregateCountSelection("count")])]));

        Assert.Equal(0, page.GetProperty("edges").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        Assert.False(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(0, page.GetProperty("aggregate").GetProperty("count").GetInt32());
    }

    private static EdgesSelection Edges(BlogDatabase db) =>
        new("edges", [new CursorSelection("cursor"), new EdgeNodeSelection("node", Select(Field(db.Post, "id")))]);

    private static Task<JsonElement> PageAsync(BlogDatabase db, ListArguments args) =>
        db.QueryAsync(new ConnectionPlan("postsConnection", db.Post, args, [PageInfo, Edges(db)]));

    private static Cursor? Decode(string text, IReadOnlyList<OrderBy> keys)
    {
        Assert.True(CursorCodec.TryDecode(text, keys, out var cursor, out var error), $"{text}: {error}");
        return cursor;
    }

    private static List<Guid> Ids(JsonElement list) => list.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();

    private static List<Guid> NodeIds(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetGuid()).ToList();
}
