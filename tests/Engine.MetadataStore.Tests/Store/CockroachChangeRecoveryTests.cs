using Engine.Dialects;
using Engine.Metadata.Definitions;
using Engine.Metadata.Naming;
using Engine.MetadataStore.Planning;
using Engine.MetadataStore.Store;
using Engine.Testing;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>
/// The CockroachDB way of applying a change (DDL step by step outside the version's transaction, version last),
/// run against the real PostgreSQL: a crash between steps leaves a pending change that the next change or the next
/// start finishes, and a step the database refuses takes the change back.
/// </summary>
[Collection(CockroachStoreCollection.Name)]
public sealed class CockroachChangeRecoveryTests(PostgresDatabase database) : StoreTestBase(database, CockroachStore(database))
{
    private static VersionedMetadataStore CockroachStore(PostgresDatabase database) => new(database.DataSource, "data", DatabaseDialect.Cockroach);

    [Fact]
    public async Task ApplyAsync_CrashAfterFirstStep_NextApplyFinishesItAndKeepsTheRows()
    {
        var name = UniqueNames.Resource("Shelf");
        var table = TableOf(name);
        await PutAsync(Resource(name, Field("label", FieldTypes.String)));
        var first = await InsertRowAsync(table);
        var second = await InsertRowAsync(table);
        var before = (await Store.LoadAsync(CancellationToken.None)).Version;
        var changed = Resource(name,
            Field("label", FieldTypes.String),
            Field("floor", FieldTypes.Int),
            new FieldDefinition { Name = "code", Type = FieldTypes.String, Unique = true }) with
        {
            Indexes = [new IndexDefinition { Fields = ["floor", "label"] }],
        };

        await Assert.ThrowsAsync<SimulatedCrash>(() => CrashingApplier(afterSteps: 1).ApplyAsync(Put(changed), null, CancellationToken.None));

        Assert.Equal(before, (await Store.LoadAsync(CancellationToken.None)).Version);
        Assert.Contains("floor", (await ColumnsAsync(table)).Keys);
        Assert.DoesNotContain("code", (await ColumnsAsync(table)).Keys);
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.pending_changes"));

        var result = await Store.ApplyAsync(Put(changed), CancellationToken.None);

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.Equal(before + 1, result.Version);
        var metadata = await Store.LoadAsync(CancellationToken.None);
        Assert.Equal(before + 1, metadata.Version);
        Assert.Equal(["label", "floor", "code"], metadata.Resource(name)!.Definition.Fields.Select(f => f.Name));
        Assert.Contains(ConstraintNames.Unique(table, "code"), (await ConstraintsAsync(table)).Keys);
        Assert.True(await IndexExistsAsync(ConstraintNames.Index(table, ["floor", "label"], unique: false)));
        Assert.Equal(0L, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.pending_changes"));
        Assert.Equal(2L, await Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\" WHERE id = ANY($1)", new[] { first, second }));
    }

    [Fact]
    public async Task MigrateAsync_CrashBeforeTheTrigger_StartFinishesTheNewTable()
    {
        var name = UniqueNames.Resource("Crate");
        var table = TableOf(name);
        var before = (await Store.LoadAsync(CancellationToken.None)).Version;

        await Assert.ThrowsAsync<SimulatedCrash>(() =>
            CrashingApplier(afterSteps: 1).ApplyAsync(Put(Resource(name, Field("size", FieldTypes.Int))), null, CancellationToken.None));
        Assert.True(await TableExistsAsync(table));
        Assert.Equal(before, (await Store.LoadAsync(CancellationToken.None)).Version);

        await CockroachStore(Database).MigrateAsync(CancellationToken.None);

        var metadata = await Store.LoadAsync(CancellationToken.None);
        Assert.Equal(before + 1, metadata.Version);
        Assert.NotNull(metadata.Resource(name));
        Assert.Equal(1L, await Database.ScalarAsync(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'engine_outbox' AND tgrelid = format('data.%I', $1::text)::regclass", table));
        var id = await InsertRowAsync(table);
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.outbox WHERE record_id = $1 AND resource = $2", id, name));
    }

    [Fact]
    public async Task ApplyAsync_CrashThenAnotherChange_FinishesTheFirstThenAppliesTheSecond()
    {
        var name = UniqueNames.Resource("Drawer");
        await PutAsync(Resource(name, Field("label", FieldTypes.String)));
        var before = (await Store.LoadAsync(CancellationToken.None)).Version;

        await Assert.ThrowsAsync<SimulatedCrash>(() => CrashingApplier(afterSteps: 1)
            .ApplyAsync(Put(Resource(name, Field("label", FieldTypes.String), Field("width", FieldTypes.Int))), null, CancellationToken.None));
        var result = await PutAsync(Resource(name, Field("label", FieldTypes.String), Field("width", FieldTypes.Int), Field("depth", FieldTypes.Int)));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.Equal(before + 2, result.Version);
        Assert.Contains("width", (await ColumnsAsync(TableOf(name))).Keys);
        Assert.Contains("depth", (await ColumnsAsync(TableOf(name))).Keys);
        var history = await Store.HistoryAsync(2, CancellationToken.None);
        Assert.Equal([before + 2, before + 1], history.Select(v => v.Version));
    }

    [Fact]
    public async Task ApplyAsync_StepRefusedByTheDatabase_TakesTheChangeBack()
    {
        var name = UniqueNames.Resource("Bin");
        var table = TableOf(name);
        await PutAsync(Resource(name, Field("label", FieldTypes.String)));
        await Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, label) VALUES (gen_random_uuid(), 'same'), (gen_random_uuid(), 'same')");
        var before = (await Store.LoadAsync(CancellationToken.None)).Version;

        var result = await PutAsync(Resource(name,
            new FieldDefinition { Name = "label", Type = FieldTypes.String, Unique = true },
            Field("weight", FieldTypes.Float)));

        Assert.Equal(ChangeStatus.Failed, result.Status);
        Assert.Equal(MigrationStepKinds.AddUnique, result.FailedStep!.Kind);
        Assert.Contains("share a value", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await Store.LoadAsync(CancellationToken.None)).Version);
        Assert.DoesNotContain("weight", (await ColumnsAsync(table)).Keys);
        Assert.Equal(0L, await Database.ScalarAsync("SELECT count(*) FROM engine_meta.pending_changes"));
        Assert.Equal(2L, await Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\""));
    }

    [Fact]
    public async Task ApplyAsync_Cockroach_SendsNoNotify()
    {
        var name = UniqueNames.Resource("Box");

        var result = await PutAsync(Resource(name, Field("size", FieldTypes.Int)));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.DoesNotContain(result.Plan.Steps, s => s.Sql.Contains("NOTIFY", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(result.Plan.Steps, s => s.Sql.StartsWith("CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal));
    }

    private static PutResource Put(ResourceDefinition definition) => new(definition) { Author = Author };

    /// <summary>An applier that dies (as a pod would) once <paramref name="afterSteps"/> steps have run.</summary>
    private CockroachChangeApplier CrashingApplier(int afterSteps)
    {
        var ran = 0;
        return new CockroachChangeApplier(Database.DataSource, "data", TransactionRetryPolicy.None)
        {
            AfterStep = (_, _) => ++ran >= afterSteps ? throw new SimulatedCrash() : Task.CompletedTask,
        };
    }

    private sealed class SimulatedCrash : Exception
    {
        public SimulatedCrash()
            : base("the pod died")
        {
        }
    }
}
