using System.Text.Json;
using Engine.Dialects;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Sql.Dialects;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests.Dialects;

/// <summary>
/// The CockroachDB executor run against the real PostgreSQL: the same answers as PostgreSQL's executor with keys in
/// selection order, upserts as steps, and serialization failures (raised here by a trigger) retried until committed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CockroachPlanExecutorTests(PostgresDatabase database)
{
    private static readonly TransactionRetryPolicy FastRetry = new(4, TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public async Task QueryAsync_ReadsWithRelations_SameJsonAsPostgresInSelectionOrder()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada", "ada@example.com");
        var post = await db.PostAsync("Hello", ada, ("views", 7));
        await db.CommentAsync("first", post);
        var plans = new RootPlan[]
        {
            new FindManyPlan("posts", db.Post, List(orderBy: [Asc(db.Post, "title")]), Select(
                Field(db.Post, "views"), Field(db.Post, "title"), Field(db.Post, "id"),
                One(db.Model, db.Post, "author", Field(db.User, "name"), Field(db.User, "email")),
                Many(db.Model, db.Post, "comments", List(), Field(db.Comment, "body")))),
            new FindUniquePlan("post", db.Post, Eq(db.Post, "id", post), Select(Field(db.Post, "title"), Field(db.Post, "createdAt"))),
        };

        var postgres = await db.Executor.QueryAsync(db.Model, plans, RequestContext.System, CancellationToken.None);
        var cockroach = await Executor(FastRetry).QueryAsync(db.Model, plans, RequestContext.System, CancellationToken.None);

        Assert.Equal(postgres.Select(Canonical), cockroach.Select(Canonical));
        Assert.Equal(["views", "title", "id", "author", "comments"], BlogDatabase.Json(cockroach[0])[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task MutateAsync_Upsert_CreatesThenUpdatesThroughSteps()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var executor = Executor(FastRetry);
        var id = Guid.CreateVersion7();
        UpsertPlan Upsert(string title) => new("upsertPost", db.Post, Eq(db.Post, "id", id), id,
            Data([Set(db.Post, "title", title)]), Data([Set(db.Post, "title", title + "!")]), Select(Field(db.Post, "title"), Field(db.Post, "id")));

        var created = BlogDatabase.Json(await executor.MutateAsync(db.Model, Upsert("new"), RequestContext.System, CancellationToken.None));
        var updated = BlogDatabase.Json(await executor.MutateAsync(db.Model, Upsert("new"), RequestContext.System, CancellationToken.None));

        Assert.Equal("new", created.GetProperty("title").GetString());
        Assert.Equal("new!", updated.GetProperty("title").GetString());
        Assert.Equal(["title", "id"], updated.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
    }

    [Fact]
    public async Task MutateAsync_SerializationFailureTwice_IsRetriedAndCommitsOnce()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await FailInsertsAsync(db, times: 2);

        var result = await Executor(FastRetry).MutateAsync(db.Model, CreatePost(db, "retried"), RequestContext.System, CancellationToken.None);

        Assert.Equal("retried", BlogDatabase.Json(result).GetProperty("title").GetString());
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
        Assert.Equal(3L, await db.ScalarAsync("SELECT last_value FROM {schema}.\"attempts\""));
    }

    [Fact]
    public async Task MutateAsync_SerializationFailureEveryTime_FailsUnavailableAfterMaxAttempts()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await FailInsertsAsync(db, times: 100);

        var result = await Executor(FastRetry).MutateAsync(db.Model, CreatePost(db, "never"), RequestContext.System, CancellationToken.None);

        Assert.Equal(ErrorCode.Unavailable, result.Error?.Code);
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM {schema}.\"post\""));
        Assert.Equal(4L, await db.ScalarAsync("SELECT last_value FROM {schema}.\"attempts\""));
    }

    [Fact]
    public async Task MutateAsync_PostgresExecutor_DoesNotRetry()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await FailInsertsAsync(db, times: 1);

        var result = await CockroachPlanExecutor.For(DatabaseDialect.Postgres, database.DataSource)
            .MutateAsync(db.Model, CreatePost(db, "once"), RequestContext.System, CancellationToken.None);

        Assert.Equal(ErrorCode.Unavailable, result.Error?.Code);
        Assert.Equal(1L, await db.ScalarAsync("SELECT last_value FROM {schema}.\"attempts\""));
    }

    private CockroachPlanExecutor Executor(TransactionRetryPolicy retry) => new(database.DataSource, retry);

    private static CreatePlan CreatePost(BlogDatabase db, string title) =>
        new("createPost", db.Post, Guid.CreateVersion7(), Data([Set(db.Post, "title", title)]), Select(Field(db.Post, "title")));

    /// <summary>Makes the first <paramref name="times"/> inserts into post fail as CockroachDB's conflicts do (SQLSTATE 40001), counting attempts in a sequence (not rolled back).</summary>
    private static Task FailInsertsAsync(BlogDatabase db, int times) => db.ScalarAsync($$"""
        CREATE SEQUENCE {schema}."attempts";
        CREATE FUNCTION {schema}."conflict"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF nextval('{{db.Schema}}.attempts') <= {{times}} THEN
                RAISE EXCEPTION 'restart transaction' USING ERRCODE = '40001';
            END IF;
            RETURN NEW;
        END
        $f$;
        CREATE TRIGGER "conflict" BEFORE INSERT ON {schema}."post" FOR EACH ROW EXECUTE FUNCTION {schema}."conflict"();
        """);

    private static string Canonical(PlanResult result) => JsonSerializer.Serialize(BlogDatabase.Json(result));
}
