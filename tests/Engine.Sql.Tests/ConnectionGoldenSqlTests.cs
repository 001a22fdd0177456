using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>The generated SQL of connections and cursor-bounded lists, compared with Golden/*.sql (UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class ConnectionGoldenSqlTests
{
    private static readonly Guid PostId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    private readonly SchemaModel model = BlogModel.Build();
    private ResourceModel Post => model.Resource("Post")!;
    private ResourceModel Comment => model.Resource("Comment")!;

    private void AssertGolden(string name, RootPlan plan) => GoldenFile.AssertMatches(name, PostgresCompiler.Compile(plan, model));

    private SelectionItem[] Everything(params SelectionItem[] node) =>
    [
        new PageInfoSelection("pageInfo",
        [
            new PageInfoFieldSelection("hasNextPage", PageInfoField.HasNextPage),
            new PageInfoFieldSelection("hasPreviousPage", PageInfoField.HasPreviousPage),
            new PageInfoFieldSelection("startCursor", PageInfoField.StartCursor),
            new PageInfoFieldSelection("endCursor", PageInfoField.EndCursor),
        ]),
        new EdgesSelection("edges", [new CursorSelection("cursor"), new EdgeNodeSelection("node", Select(node))]),
    ];

    [Fact]
    public void Compile_ConnectionFirstAfter_ReadsOneExtraRowAfterTheCursor() =>
        AssertGolden("connection-first-after", new ConnectionPlan("postsConnection", Post,
            List(Eq(Post, "published", true), first: 10, orderBy: [Desc(Post, "views")]) with { After = new Cursor([42, PostId]) },
            Everything(Field(Post, "title"), Many(model, Post, "comments", List(first: 3), Field(Comment, "body")))));

    [Fact]
    public void Compile_ConnectionLastBefore_ReadsInReverseBeforeTheCursor() =>
        AssertGolden("connection-last-before", new ConnectionPlan("postsConnection", Post,
            List(last: 5, orderBy: [Asc(Post, "title")]) with { Before = new Cursor(["m", PostId]) },
            Everything(Field(Post, "id"))));

    [Fact]
    public void Compile_ConnectionWithAggregate_CountsRowsMatchingWhereOnce() =>
        AssertGolden("connection-aggregate", new ConnectionPlan("postsConnection", Post,
            List(Eq(Post, "published", true), skip: 2, first: 3),
            [
                new AggregateSelection("aggregate", [new AggregateCountSelection("count"), new TypenameSelection("__typename", "AggregatePost")]),
                new AggregateSelection("again", [new AggregateCountSelection("total")]),
                new EdgesSelection("edges", [new EdgeNodeSelection("node", Select(Field(Post, "id")))]),
            ]));

    [Fact]
    public void Compile_ConnectionWithoutAggregate_HasNoCount() =>
        AssertGolden("connection-no-aggregate", new ConnectionPlan("postsConnection", Post, ListArguments.All,
            [new EdgesSelection("edges", [new EdgeNodeSelection("node", Select(Field(Post, "id")))]), new TypenameSelection("__typename", "PostConnection")]));

    [Fact]
    public void Compile_ConnectionFirstLastAfterBefore_CutsTheFirstPage() =>
        AssertGolden("connection-first-last", new ConnectionPlan("postsConnection", Post,
            List(first: 10, last: 3, orderBy: [Asc(Post, "price")]) with { After = new Cursor([null, PostId]), Before = new Cursor(["9.99", PostId]) },
            Everything(Field(Post, "id"))));

    [Fact]
    public void Compile_ToManyListWithCursors_BoundsTheRowsPerParent() =>
        AssertGolden("find-many-cursors", new FindManyPlan("posts", Post,
            List(first: 2, orderBy: [Desc(Post, "publishedAt")]) with { After = new Cursor([null, PostId]) },
            Select(Field(Post, "id"),
                Many(model, Post, "comments", List(last: 2) with { Before = new Cursor([PostId]) }, Field(Comment, "body")))));
}
