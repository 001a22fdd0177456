using System.Runtime.CompilerServices;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests.Access;

/// <summary>
/// The SQL of plans rewritten for a non-admin caller (Golden/access-*.sql, UPDATE_GOLDEN=1 rewrites them): row filters
/// in reads, relation selections and write WHERE clauses, and the check column of written rows.
/// </summary>
public sealed class AccessGoldenSqlTests
{
    private static readonly Guid Ada = Guid.Parse("0190a1b2-0000-7000-8000-0000000000a1");
    private static readonly Guid PostId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    private readonly SchemaModel model = SchemaModelBuilder.Build(1, AccessBlog.Definitions);
    private ResourceModel User => model.Resource("User")!;
    private ResourceModel Post => model.Resource("Post")!;
    private ResourceModel Comment => model.Resource("Comment")!;

    [Fact]
    public void Compile_ListWithRelations_AndsTheReadFiltersEverywhere() =>
        AssertGolden("access-find-many", new FindManyPlan("posts", Post, List(first: 10),
            Select(
                Field(Post, "title"),
                One(model, Post, "author", Field(User, "name")),
                Many(model, Post, "comments", ListArguments.All, Field(Comment, "body")))));

    [Fact]
    public void Compile_Create_ChecksTheWrittenRow() =>
        AssertGolden("access-create", new CreatePlan("createPost", Post, PostId,
            Data([Set(Post, "title", "mine")], Connect(model, Post, "author", Eq(User, "id", Ada))), Select(Field(Post, "title"))));

    [Fact]
    public void Compile_Update_NarrowsTheWhereAndChecksTheWrittenRow() =>
        AssertGolden("access-update", new UpdatePlan("updatePost", Post, Eq(Post, "id", PostId), Data([Set(Post, "title", "new")]), Select(Field(Post, "title"))));

    [Fact]
    public void Compile_Upsert_ChecksEachBranchWithItsRule() =>
        AssertGolden("upsert-access", new UpsertPlan("upsertPost", Post, Eq(Post, "id", PostId), PostId,
            Data([Set(Post, "title", "new")], Connect(model, Post, "author", Eq(User, "id", Ada))), Data([Set(Post, "title", "changed")]),
            Select(Field(Post, "title"))));

    [Fact]
    public void Compile_UpdateMany_ReturnsRowsForTheCheck() =>
        AssertGolden("access-update-many", new UpdateManyPlan("updateManyPosts", Post, null, Data([Set(Post, "views", 1)]),
            new BatchSelection([new CountSelection("count")])));

    [Fact]
    public void Compile_Delete_NarrowsTheWhereAndShowsOnlyAReadableRow() =>
        AssertGolden("access-delete", new DeletePlan("deletePost", Post, Eq(Post, "id", PostId), Select(Field(Post, "title"))));

    [Fact]
    public void FirstOutside_NestedWriteCheck_MatchesGolden()
    {
        var rows = AccessPolicy.For(model).Grant(Post, AccessAction.Update, AccessBlog.Writer(Ada)).Rows!;
        GoldenFile.AssertMatches("access-nested-check", PostgresCompiler.FirstOutside(model, Post, [PostId], rows), GoldenCaller());
    }

    private void AssertGolden(string name, RootPlan plan) =>
        GoldenFile.AssertMatches(name, PostgresCompiler.Compile(AccessPlanRewriter.Apply(plan, model, AccessBlog.Writer(Ada)), model), GoldenCaller());

    /// <summary>A path one folder up, so the golden files live with the others in tests/Engine.Sql.Tests/Golden.</summary>
    private static string GoldenCaller([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", Path.GetFileName(path));
}
