using System.Text;
using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Dialects;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests.Dialects;

/// <summary>CockroachDB returns JSON objects with sorted keys; the dialect puts them back in selection order.</summary>
public sealed class SelectionKeyOrderTests
{
    private readonly SchemaModel model = BlogModel.Build();
    private ResourceModel User => model.Resource("User")!;
    private ResourceModel Post => model.Resource("Post")!;
    private ResourceModel Comment => model.Resource("Comment")!;

    [Fact]
    public void Reorder_ListWithRelations_FollowsTheSelectionAtEveryLevel()
    {
        var plan = new FindManyPlan("posts", Post, List(), Select(
            Field(Post, "title"),
            Field(Post, "id"),
            One(model, Post, "author", Field(User, "name"), new TypenameSelection("__typename", "User")),
            Many(model, Post, "comments", List(), Field(Comment, "body"), Field(Comment, "id")),
            Field(Post, "meta")));
        const string sorted = """
            [{"author": {"__typename": "User", "name": "Ada"}, "comments": [{"body": "b", "id": "c1"}], "id": "p1",
              "meta": {"z": 1, "a": {"y": 2, "b": 3}}, "title": "T"},
             {"author": null, "comments": [], "id": "p2", "meta": null, "title": "U"}]
            """;

        var json = Reorder(sorted, plan);

        Assert.Equal(
            """[{"title":"T","id":"p1","author":{"name":"Ada","__typename":"User"},"comments":[{"body":"b","id":"c1"}],"meta":{"z":1,"a":{"y":2,"b":3}}},"""
            + """{"title":"U","id":"p2","author":null,"comments":[],"meta":null}]""",
            json);
    }

    [Fact]
    public void Reorder_Connection_FollowsPageInfoEdgesNodeAndAggregate()
    {
        var plan = new ConnectionPlan("postsConnection", Post, List(first: 1),
        [
            new PageInfoSelection("pageInfo", [new PageInfoFieldSelection("hasNextPage", PageInfoField.HasNextPage), new PageInfoFieldSelection("endCursor", PageInfoField.EndCursor)]),
            new EdgesSelection("edges", [new EdgeNodeSelection("node", Select(Field(Post, "title"), Field(Post, "id"))), new CursorSelection("cursor")]),
            new AggregateSelection("aggregate", [new AggregateCountSelection("count")]),
        ]);
        const string sorted = """
            {"aggregate": {"count": 2}, "edges": [{"cursor": "x", "node": {"id": "p1", "title": "T"}}],
             "pageInfo": {"endCursor": "x", "hasNextPage": true}}
            """;

        Assert.Equal(
            """{"pageInfo":{"hasNextPage":true,"endCursor":"x"},"edges":[{"node":{"title":"T","id":"p1"},"cursor":"x"}],"aggregate":{"count":2}}""",
            Reorder(sorted, plan));
    }

    [Fact]
    public void Reorder_NullAndNonAsciiValues_AreKeptAsTheyAre()
    {
        var plan = new FindUniquePlan("post", Post, Eq(Post, "id", Guid.Empty), Select(Field(Post, "title"), Field(Post, "id")));

        Assert.Equal("null", Reorder("null", plan));
        Assert.Equal("""{"title":"ü <b> & 'x' \"q\"","id":"p"}""", Reorder("""{"id": "p", "title": "ü <b> & 'x' \"q\""}""", plan));
    }

    [Fact]
    public void Reorder_BatchPayload_FollowsTheSelection()
    {
        var plan = new DeleteManyPlan("deleteManyPosts", Post, null, new BatchSelection([new TypenameSelection("__typename", "BatchPayload"), new CountSelection("count")]));

        Assert.Equal("""{"__typename":"BatchPayload","count":"3"}""", Reorder("""{"count": "3", "__typename": "BatchPayload"}""", plan));
    }

    private static string Reorder(string json, RootPlan plan) => Encoding.UTF8.GetString(SelectionKeyOrder.Reorder(Encoding.UTF8.GetBytes(json), plan));
}
