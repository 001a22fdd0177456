using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>The statement sequences of nested writes, compared with Golden/nested-*.sql (UPDATE_GOLDEN=1 rewrites them).</summary>
public sealed class NestedWriteGoldenTests
{
    private static readonly Guid PostId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid UserId = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid CommentId1 = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid CommentId2 = Guid.Parse("0190a1b2-0000-7000-8000-000000000004");
    private static readonly Guid TagId = Guid.Parse("0190a1b2-0000-7000-8000-000000000005");
    private static readonly Guid OtherTagId = Guid.Parse("0190a1b2-0000-7000-8000-000000000006");

    private readonly SchemaModel model = BlogModel.Build();
    private ResourceModel User => model.Resource("User")!;
    private ResourceModel Post => model.Resource("Post")!;
    private ResourceModel Comment => model.Resource("Comment")!;
    private ResourceModel Tag => model.Resource("Tag")!;

    [Fact]
    public async Task Create_WithNestedCreatesOfEveryRelationKind_InsertsTargetFirstAndChildrenAfter()
    {
        var session = new ScriptedSession();
        var data = new WriteData([Set(Post, "title", "Hello")], [],
        [
            new NestedCreate(Post.Field("author")!, User, "data.author.create", UserId, Data([Set(User, "name", "Ada")])),
            new NestedCreate(Post.Field("comments")!, Comment, "data.comments.create[0]", CommentId1, Data([Set(Comment, "body", "first")])),
            new NestedCreate(Post.Field("comments")!, Comment, "data.comments.create[1]", CommentId2, Data([Set(Comment, "body", "second")])),
            new NestedCreate(Post.Field("tags")!, Tag, "data.tags.create[0]", TagId, Data([Set(Tag, "label", "new")])),
            new NestedConnect(Post.Field("tags")!, Tag, "data.tags.connect[0]", Eq(Tag, "label", "old")),
        ]);

        var id = await new NestedWriteRunner(session, model).CreateAsync(Post, PostId, data, "data", CancellationToken.None);

        Assert.Equal(PostId, id);
        GoldenFile.AssertMatches("nested-create", session.Statements);
    }

    [Fact]
    public async Task Update_WithToOneAndToManyOperations_LocksTheRowThenWritesInOrder()
    {
        var session = new ScriptedSession().Answer(0, [PostId, UserId]).Answer(7, [TagId, OtherTagId]);
        var comments = Post.Field("comments")!;
        var tags = Post.Field("tags")!;
        var data = new WriteData([Set(Post, "views", 1)], [],
        [
            new NestedUpdate(Post.Field("author")!, User, "data.author.update", null, Data([Set(User, "name", "Bo")])),
            new NestedDelete(comments, Comment, "data.comments.delete[0]", Eq(Comment, "id", CommentId1)),
            new NestedDeleteMany(comments, Comment, "data.comments.deleteMany[0]", Match(Comment, "body", StringMatchOperator.Contains, "spam")),
            new NestedUpdate(comments, Comment, "data.comments.update[0]", Eq(Comment, "id", CommentId2), Data([Set(Comment, "body", "edited")])),
            new NestedUpdateMany(comments, Comment, "data.comments.updateMany[0]", null, Data([Set(Comment, "body", "all")])),
            new NestedSet(tags, Tag, "data.tags.set", [Eq(Tag, "label", "a"), Eq(Tag, "id", OtherTagId)]),
            new NestedDisconnect(tags, Tag, "data.tags.disconnect[0]", Eq(Tag, "label", "c")),
        ]);

        var id = await new NestedWriteRunner(session, model).UpdateAsync(Post, Eq(Post, "slug", "hello"), data, "data", CancellationToken.None);

        Assert.Equal(PostId, id);
        GoldenFile.AssertMatches("nested-update", session.Statements);
    }

    [Fact]
    public async Task Update_ToOneDeleteAndOneToManySet_ClearsTheKeyBeforeDeletingAndRepointsChildren()
    {
        var session = new ScriptedSession().Answer(0, [PostId, UserId]).Answer(3, [CommentId1]);
        var data = new WriteData([], [],
        [
            new NestedDelete(Post.Field("author")!, User, "data.author.delete", null),
            new NestedSet(Post.Field("comments")!, Comment, "data.comments.set", [Eq(Comment, "id", CommentId1)]),
        ]);

        await new NestedWriteRunner(session, model).UpdateAsync(Post, Eq(Post, "id", PostId), data, "data", CancellationToken.None);

        GoldenFile.AssertMatches("nested-update-to-one-delete-and-set", session.Statements);
    }
}
