using Engine.Metadata.Model;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Engine.Sql.Tests.Support;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>
/// What the CockroachDB dialect sends where it differs from PostgreSQL's statements, compared with
/// Golden/cockroach/*.sql (UPDATE_GOLDEN=1 rewrites them). Reads and other writes are PostgreSQL's statements
/// (Golden/*.sql), which <see cref="CockroachSqlCompatibilityTests"/> checks for what CockroachDB lacks.
/// </summary>
public sealed class CockroachGoldenSqlTests
{
    private static readonly Guid PostId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    private readonly SchemaModel model = BlogModel.Build();
    private ResourceModel Post => model.Resource("Post")!;

    [Fact]
    public async Task Upsert_NoRowMatches_UpdatesNothingThenInserts()
    {
        var session = new ScriptedSession().Answer(0);

        var id = await Runner(session).UpsertAsync(Post, Eq(Post, "slug", "hello"), PostId,
            Data([Set(Post, "title", "Hello"), Set(Post, "slug", "hello")]), Data([Set(Post, "title", "Hello again")]), "create", "update",
            CancellationToken.None);

        Assert.Equal(PostId, id);
        GoldenFile.AssertMatches("cockroach/upsert-insert", session.Statements);
    }

    [Fact]
    public async Task Upsert_RowMatches_UpdatesItOnly()
    {
        var session = new ScriptedSession().Answer(0, [ScriptedSession.DefaultId]);

        var id = await Runner(session).UpsertAsync(Post, Eq(Post, "slug", "hello"), PostId,
            Data([Set(Post, "title", "Hello")]), Data([Set(Post, "title", "Hello again")]), "create", "update", CancellationToken.None);

        Assert.Equal(ScriptedSession.DefaultId, id);
        GoldenFile.AssertMatches("cockroach/upsert-update", session.Statements);
    }

    private NestedWriteRunner Runner(ScriptedSession session) => new(session, model);
}
