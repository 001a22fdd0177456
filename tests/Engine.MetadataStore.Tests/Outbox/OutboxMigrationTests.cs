using Engine.Metadata.Definitions;
using Engine.Testing;
using Npgsql;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Outbox;

/// <summary>
/// Migration 0002 gives the resource tables made before it their outbox trigger. Each test has a database of its own,
/// because it takes the outbox away to stand for an installation from before 0002.
/// </summary>
public sealed class OutboxMigrationTests : IAsyncLifetime
{
    private const string DataSchema = "legacy_data";

    private readonly PostgresDatabase database = new();

    private VersionedMetadataStore store = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new VersionedMetadataStore(database.DataSource, DataSchema);
        await store.MigrateAsync(CancellationToken.None);
        await PutAsync(Resource("HTTPServer2Log", Field("title", FieldTypes.String)));
        await PutAsync(Resource("Tag", Field("title", FieldTypes.String)));
        await PutAsync(Resource("Post", Field("title", FieldTypes.String), ToMany("tags", "Tag")));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_TablesMadeBeforeOutbox_GetTriggerWithTheirResourceName()
    {
        await ForgetOutboxAsync();
        Assert.Empty(await TriggersAsync());

        await store.MigrateAsync(CancellationToken.None);

        var triggers = await TriggersAsync();
        Assert.Equal(["http_server2_log", "post", "tag"], triggers.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith("record_changed('HTTPServer2Log')", triggers["http_server2_log"], StringComparison.Ordinal);
        Assert.EndsWith("record_changed('Post')", triggers["post"], StringComparison.Ordinal);
        await ExecuteAsync($"INSERT INTO {DataSchema}.http_server2_log (id, title) VALUES (gen_random_uuid(), 'up')");
        Assert.Equal("HTTPServer2Log", await database.ScalarAsync("SELECT resource FROM engine_meta.outbox"));
    }

    [Fact]
    public async Task MigrateAsync_OutboxScriptRunAgain_KeepsOneTriggerPerTableAndTheRows()
    {
        await ExecuteAsync($"INSERT INTO {DataSchema}.tag (id, title) VALUES (gen_random_uuid(), 'kept')");
        await ExecuteAsync("DELETE FROM engine_meta.schema_migrations WHERE id = 2");

        await store.MigrateAsync(CancellationToken.None);

        Assert.Equal(3, (await TriggersAsync()).Count);
        Assert.Equal(3L, await database.ScalarAsync("SELECT count(*) FROM pg_trigger WHERE tgname = 'engine_outbox'"));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM engine_meta.outbox"));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM engine_meta.schema_migrations WHERE id = 2"));
    }

    private async Task PutAsync(ResourceDefinition definition) =>
        Assert.Equal(ChangeStatus.Applied, (await store.ApplyAsync(new PutResource(definition) { Author = "outbox-tests" }, CancellationToken.None)).Status);

    /// <summary>Takes away what 0002 made (the triggers go with their function), so the database is as before 0002.</summary>
    private async Task ForgetOutboxAsync()
    {
        await ExecuteAsync("DROP FUNCTION engine_meta.record_changed() CASCADE");
        await ExecuteAsync("DROP TABLE engine_meta.outbox");
        await ExecuteAsync("DELETE FROM engine_meta.schema_migrations WHERE id = 2");
    }

    /// <summary>Tables of the data schema with an engine_outbox trigger → the trigger's definition.</summary>
    private async Task<Dictionary<string, string>> TriggersAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT c.relname, pg_get_triggerdef(t.oid) FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND t.tgname = 'engine_outbox'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = DataSchema });
        var triggers = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            triggers.Add(reader.GetString(0), reader.GetString(1));
        }

        return triggers;
    }

    private Task ExecuteAsync(string sql) => database.ScalarAsync(sql);
}
