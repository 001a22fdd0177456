using Engine.Metadata.Definitions;
using Engine.MetadataStore.Planning;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;
using static Engine.MetadataStore.Tests.Definitions;
using static Engine.MetadataStore.Tests.Outbox.OutboxRows;

namespace Engine.MetadataStore.Tests.Outbox;

/// <summary>The store creates the outbox trigger with each resource table and drops it with the table.</summary>
[Collection(MetadataStoreCollection.Name)]
public class OutboxPlanTests(PostgresDatabase database) : StoreTestBase(database)
{
    private Task<object?> TriggerDefinitionAsync(string table) => Database.ScalarAsync(
        """
        SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'data' AND c.relname = $1 AND t.tgname = 'engine_outbox'
        """,
        table);

    [Fact]
    public async Task ApplyAsync_DryRunOfNewResource_ListsTriggerStepAndCreatesNothing()
    {
        var name = UniqueNames.Resource("Draft");

        var result = await Store.ApplyAsync(
            new PutResource(Resource(name, Field("title", FieldTypes.String))) { Author = Author, DryRun = true }, CancellationToken.None);

        Assert.Equal(ChangeStatus.DryRun, result.Status);
        var trigger = Assert.Single(result.Plan.Steps, s => s.Kind == MigrationStepKinds.CreateTrigger);
        Assert.Equal(TableOf(name), trigger.Table);
        Assert.False(trigger.Destructive);
        Assert.EndsWith($"\"record_changed\"('{name}')", trigger.Sql, StringComparison.Ordinal);
        Assert.Null(await TriggerDefinitionAsync(TableOf(name)));
    }

    [Fact]
    public async Task ApplyAsync_PutNewResource_CreatesRowTriggerWithResourceNameArgument()
    {
        var name = UniqueNames.Resource("Entry");

        await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        Assert.Equal(
            $"CREATE TRIGGER engine_outbox AFTER INSERT OR DELETE OR UPDATE ON data.{TableOf(name)} "
            + $"FOR EACH ROW EXECUTE FUNCTION engine_meta.record_changed('{name}')",
            await TriggerDefinitionAsync(TableOf(name)));
    }

    [Fact]
    public async Task ApplyAsync_ForceDeleteResource_DropsItsTriggerAndOtherTablesKeepRecording()
    {
        var owner = UniqueNames.Resource("Owner");
        var pet = UniqueNames.Resource("Pet");
        await PutAsync(Resource(owner, Field("title", FieldTypes.String)));
        await PutAsync(Resource(pet, Field("title", FieldTypes.String), ToOne("owner", owner, "CASCADE")));
        var ownerId = Guid.NewGuid();
        var petId = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, TableOf(owner), ownerId, "owner");
        await ExecuteAsync(Database.DataSource, $"INSERT INTO data.\"{TableOf(pet)}\" (id, title, owner_id) VALUES ($1, 'pet', $2)", petId, ownerId);

        var result = await Store.ApplyAsync(new DeleteResource(owner) { Author = Author, Force = true }, CancellationToken.None);

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.Equal(0L, await Database.ScalarAsync(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = $1", TableOf(owner)));
        await ExecuteAsync(Database.DataSource, $"UPDATE data.\"{TableOf(pet)}\" SET title = 'renamed' WHERE id = $1", petId);
        await ExecuteAsync(Database.DataSource, $"DELETE FROM data.\"{TableOf(pet)}\" WHERE id = $1", petId);
        Assert.Equal(["I", "U", "D"], (await OfAsync(Database.DataSource, pet)).Select(r => r.Operation));
        Assert.False((await OfAsync(Database.DataSource, pet))[1].NewRow!.Value.TryGetProperty("owner_id", out _));

        // Dropping a table removes its rows without row triggers: the deleted resource's last event is its insert.
        Assert.Equal(["I"], (await OfAsync(Database.DataSource, owner)).Select(r => r.Operation));
    }

    [Fact]
    public async Task ApplyAsync_RecreateDeletedResource_CreatesTriggerAgain()
    {
        var name = UniqueNames.Resource("Phoenix");
        await PutAsync(Resource(name, Field("title", FieldTypes.String)));
        await Store.ApplyAsync(new DeleteResource(name) { Author = Author }, CancellationToken.None);

        var result = await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.NotNull(await TriggerDefinitionAsync(TableOf(name)));
        await InsertTitledAsync(Database.DataSource, TableOf(name), Guid.NewGuid(), "again");
        Assert.Equal("I", Assert.Single(await OfAsync(Database.DataSource, name)).Operation);
    }
}
