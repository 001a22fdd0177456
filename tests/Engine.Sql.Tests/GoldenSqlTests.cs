using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>The generated SQL of representative plans, compared with Golden/*.sql (UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class GoldenSqlTests
{
    private static readonly Guid PostId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid UserId = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");

    private readonly SchemaModel model = BlogModel.Build();
    private ResourceModel User => model.Resource("User")!;
    private ResourceModel Post => model.Resource("Post")!;
    private ResourceModel Comment => model.Resource("Comment")!;
    private ResourceModel Tag => model.Resource("Tag")!;

    private void AssertGolden(string name, RootPlan plan) => GoldenFile.AssertMatches(name, PostgresCompiler.Compile(plan, model));

    [Fact]
    public void Compile_FindUniqueById_MatchesGolden() =>
        AssertGolden("find-unique", new FindUniquePlan("post", Post, Eq(Post, "id", PostId),
            Select([.. Fields(Post, "id", "title", "views", "price", "big", "publishedAt", "day", "meta"), new TypenameSelection("__typename", "Post")])));

    [Fact]
    public void Compile_ListWithWhereOrderAndPaging_MatchesGolden() =>
        AssertGolden("find-many-paged", new FindManyPlan("posts", Post,
            List(And(Eq(Post, "published", true), Cmp(Post, "views", ComparisonOperator.GreaterThanOrEqual, 10)), skip: 20, first: 10,
                orderBy: [Desc(Post, "views")]),
            Select(Fields(Post, "id", "title"))));

    [Fact]
    public void Compile_ListWithoutPaging_ReadsTheTableDirectly() =>
        AssertGolden("find-many-all", new FindManyPlan("posts", Post, List(Match(Post, "title", StringMatchOperator.Contains, "50%_off\\")),
            Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_ListWithLast_ReadsInReverse() =>
        AssertGolden("find-many-last", new FindManyPlan("posts", Post, List(last: 3, orderBy: [Asc(Post, "title")]), Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_ListWithFirstAndLast_TakesTheLastOfTheFirst() =>
        AssertGolden("find-many-first-last", new FindManyPlan("posts", Post, List(first: 10, last: 3), Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_BenchQuery_IsOneStatementWithLateralLimits() =>
        AssertGolden("bench-posts-author-comments", new FindManyPlan("posts", Post, List(first: 10, orderBy: [Asc(Post, "id")]),
            Select(
                Field(Post, "id"),
                Field(Post, "title"),
                One(model, Post, "author", Field(User, "name")),
                Many(model, Post, "comments", List(first: 5, orderBy: [Asc(Comment, "id")]), Fields(Comment, "id", "body")))));

    [Fact]
    public void Compile_NestedToOneAndToManyAtDepthTwo_MatchesGolden() =>
        AssertGolden("nested-depth-2", new FindManyPlan("users", User, ListArguments.All,
            Select(
                Field(User, "name"),
                Many(model, User, "posts", List(Eq(Post, "published", true)),
                    Field(Post, "title"),
                    Many(model, Post, "comments", ListArguments.All, Field(Comment, "body"), One(model, Comment, "post", Field(Post, "slug")))))));

    [Fact]
    public void Compile_ManyToMany_JoinsThroughTheJoinTable() =>
        AssertGolden("many-to-many", new FindUniquePlan("post", Post, Eq(Post, "id", PostId),
            Select(
                Many(model, Post, "tags", List(first: 2, orderBy: [Asc(Tag, "label")]), Field(Tag, "label")),
                Many(model, Post, "comments", ListArguments.All, Field(Comment, "body")))));

    [Fact]
    public void Compile_RelationFilters_UseExistsPerQuantifier() =>
        AssertGolden("relation-filters", new FindManyPlan("posts", Post,
            List(And(
                ToMany(model, Post, "comments", ToManyQuantifier.Some, Match(Comment, "body", StringMatchOperator.StartsWith, "hi")),
                ToMany(model, Post, "comments", ToManyQuantifier.Every, Cmp(Comment, "body", ComparisonOperator.NotEqual, "spam")),
                ToMany(model, Post, "tags", ToManyQuantifier.None, Eq(Tag, "label", "draft")),
                ToOne(model, Post, "author", ToMany(model, User, "posts", ToManyQuantifier.Some, Eq(Post, "slug", null))))),
            Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_LogicalAndListFilters_MatchGolden() =>
        AssertGolden("logical-filters", new FindManyPlan("posts", Post,
            List(Or(
                And(In(Post, "status", false, "DRAFT"), new NotFilter(Eq(Post, "title", "x"))),
                In(Post, "views", true, 1, null),
                In(Post, "id", false),
                Eq(Post, "slug", null),
                Cmp(Post, "slug", ComparisonOperator.NotEqual, null))),
            Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_Create_InsertsAndSelectsTheRow() =>
        AssertGolden("create", new CreatePlan("createPost", Post, PostId,
            Data([Set(Post, "title", "Hello"), Set(Post, "meta", new JsonText("{\"a\":1}"))], Connect(model, Post, "author", Eq(User, "id", UserId))),
            Select(Field(Post, "id"), One(model, Post, "author", Field(User, "name")))));

    [Fact]
    public void Compile_CreateConnectingByUniqueField_LooksUpTheTarget() =>
        AssertGolden("create-connect-lookup", new CreatePlan("createPost", Post, PostId,
            Data([Set(Post, "title", "Hello")], Connect(model, Post, "author", Eq(User, "email", "ada@example.com"))),
            Select(Field(Post, "id"))));

    [Fact]
    public void Compile_Update_SetsUpdatedAt() =>
        AssertGolden("update", new UpdatePlan("updatePost", Post, Eq(Post, "slug", "hello"),
            Data([Set(Post, "views", 5)], Connect(model, Post, "author", null)),
            Select(Fields(Post, "id", "updatedAt"))));

    [Fact]
    public void Compile_Upsert_UpdatesOrInserts() =>
        AssertGolden("upsert", new UpsertPlan("upsertPost", Post, Eq(Post, "slug", "hello"), PostId,
            Data([Set(Post, "title", "New"), Set(Post, "slug", "hello")]), Data([Set(Post, "title", "Changed")]),
            Select(Fields(Post, "id", "title"))));

    [Fact]
    public void Compile_UpsertConnectingByUniqueField_ChecksTheBranchTaken() =>
        AssertGolden("upsert-connect-lookup", new UpsertPlan("upsertPost", Post, Eq(Post, "slug", "hello"), PostId,
            Data([Set(Post, "title", "New")], Connect(model, Post, "author", Eq(User, "email", "new@example.com"))),
            Data([], Connect(model, Post, "author", Eq(User, "email", "old@example.com"))),
            Select(Fields(Post, "id"))));

    [Fact]
    public void Compile_Delete_ReturnsTheRowAsItWas() =>
        AssertGolden("delete", new DeletePlan("deletePost", Post, Eq(Post, "id", PostId),
            Select(Field(Post, "title"), Many(model, Post, "comments", ListArguments.All, Field(Comment, "body")))));

    [Fact]
    public void Compile_UpdateMany_CountsAsString() =>
        AssertGolden("update-many", new UpdateManyPlan("updateManyPosts", Post, Eq(Post, "published", false),
            Data([Set(Post, "status", "DRAFT")]),
            new BatchSelection([new CountSelection("count"), new TypenameSelection("__typename", "BatchPayload")])));

    [Fact]
    public void Compile_DeleteMany_CountsAsString() =>
        AssertGolden("delete-many", new DeleteManyPlan("deleteManyPosts", Post, null, new BatchSelection([new CountSelection("count")])));

    [Fact]
    public void Compile_MoreThanFiftyKeys_SplicesObjectsInOrder() =>
        AssertGolden("wide-object", new FindUniquePlan("post", Post, Eq(Post, "id", PostId),
            Select(Enumerable.Range(0, 120).Select(i => (SelectionItem)Field(Post, "title", "k" + i)).ToArray())));
}
