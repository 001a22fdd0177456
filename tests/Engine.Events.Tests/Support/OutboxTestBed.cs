using System.Text;
using Engine.Dialects;
using Engine.Events.Outbox;
using Engine.Events.Publishing;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore;
using Engine.Runtime;
using Engine.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Engine.Events.Tests.Support;

/// <summary>
/// A test database with the store's schema (the outbox and its trigger function from the real migrations), resources
/// created through the real migrator (so their tables have the outbox trigger), and the snapshot holder a relay reads.
/// </summary>
internal sealed class OutboxTestBed
{
    private OutboxTestBed(PostgresDatabase database, DatabaseDialect dialect)
    {
        Database = database;
        Dialect = dialect;
        Store = new VersionedMetadataStore(database.DataSource, "data", dialect);
    }

    /// <summary>The dialect the store was migrated in and the relay runs with.</summary>
    public DatabaseDialect Dialect { get; }

    public PostgresDatabase Database { get; }

    public NpgsqlDataSource DataSource => Database.DataSource;

    public VersionedMetadataStore Store { get; }

    public SnapshotHolder Snapshots { get; } = new();

    public static async Task<OutboxTestBed> CreateAsync(PostgresDatabase database, DatabaseDialect? dialect = null)
    {
        var bed = new OutboxTestBed(database, dialect ?? DatabaseDialect.Postgres);
        await bed.Store.MigrateAsync(CancellationToken.None);
        await bed.LoadSnapshotAsync();
        return bed;
    }

    /// <summary>Creates or replaces a resource and serves the new version; returns its model.</summary>
    public async Task<ResourceModel> PutAsync(ResourceDefinition definition)
    {
        var result = await Store.ApplyAsync(new PutResource(definition) { Author = "test" }, CancellationToken.None);
        Assert.True(result.Status == ChangeStatus.Applied, $"{result.Status}: {result.Message} {string.Join("; ", result.Errors)}");
        await LoadSnapshotAsync();
        return Snapshots.Current.Model.Resource(definition.Name)!;
    }

    /// <summary>A resource with a to-one relation and one field of every scalar type.</summary>
    public async Task<(ResourceModel Author, ResourceModel Post)> PutBlogAsync()
    {
        var author = await PutAsync(new ResourceDefinition
        {
            Name = UniqueNames.Resource("Author"),
            Fields = [new FieldDefinition { Name = "name", Type = "String" }],
        });
        var post = await PutAsync(new ResourceDefinition
        {
            Name = UniqueNames.Resource("Post"),
            Fields =
            [
                new FieldDefinition { Name = "title", Type = "String" },
                new FieldDefinition { Name = "views", Type = "Int" },
                new FieldDefinition { Name = "big", Type = "Long" },
                new FieldDefinition { Name = "rating", Type = "Float" },
                new FieldDefinition { Name = "price", Type = "Decimal", Precision = 10, Scale = 2 },
                new FieldDefinition { Name = "published", Type = "Boolean" },
                new FieldDefinition { Name = "publishedAt", Type = "DateTime" },
                new FieldDefinition { Name = "day", Type = "Date" },
                new FieldDefinition { Name = "meta", Type = "Json" },
                new FieldDefinition { Name = "status", Type = "Enum", Values = ["DRAFT", "PUBLISHED"] },
                new FieldDefinition { Name = "author", Type = "Relation", Target = author.Name, Cardinality = "one", OnDelete = "SET_NULL" },
            ],
        });
        return (author, post);
    }

    /// <summary>
    /// The session time zone writes run in: <c>to_jsonb</c> prints timestamps in it, so a zone far from UTC proves the
    /// conversion does not depend on it.
    /// </summary>
    public string WriterTimeZone { get; set; } = "Asia/Kolkata";

    /// <summary>Inserts a record with plain SQL (the trigger writes its outbox row); a value may be an NpgsqlParameter.</summary>
    public async Task<Guid> InsertAsync(ResourceModel resource, params (string Column, object? Value)[] columns)
    {
        var id = Guid.NewGuid();
        var sql = new StringBuilder($"INSERT INTO {Table(resource)} (\"id\"");
        foreach (var (column, _) in columns)
        {
            sql.Append(", \"").Append(column).Append('"');
        }

        sql.Append(") VALUES ($1");
        for (var i = 0; i < columns.Length; i++)
        {
            sql.Append(", $").Append(i + 2);
        }

        sql.Append(')');
        await ExecuteAsync(sql.ToString(), [id, .. columns.Select(c => c.Value)]);
        return id;
    }

    /// <summary>Updates one record with plain SQL.</summary>
    public Task UpdateAsync(ResourceModel resource, Guid id, params (string Column, object? Value)[] columns)
    {
        var sets = columns.Select((c, i) => $"\"{c.Column}\" = ${i + 2}");
        return ExecuteAsync($"UPDATE {Table(resource)} SET {string.Join(", ", sets)}, \"updated_at\" = now() WHERE \"id\" = $1", [id, .. columns.Select(c => c.Value)]);
    }

    public Task DeleteAsync(ResourceModel resource, Guid id) => ExecuteAsync($"DELETE FROM {Table(resource)} WHERE \"id\" = $1", [id]);

    /// <summary>The outbox rows of <paramref name="resource"/>, in seq order.</summary>
    public async Task<List<OutboxRow>> RowsAsync(string resource)
    {
        await using var command = DataSource.CreateCommand($"SELECT {OutboxStore.RowColumns} FROM engine_meta.outbox WHERE resource = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = resource });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(OutboxStore.ReadRow(reader));
        }

        return rows;
    }

    /// <summary>Marks every row delivered, so a test's relay sees only the rows the test writes.</summary>
    public Task MarkAllDeliveredAsync() => ExecuteAsync("UPDATE engine_meta.outbox SET delivered_at = now() WHERE delivered_at IS NULL", []);

    public async Task<long> CountAsync(string where, params object[] parameters) =>
        (long)(await Database.ScalarAsync($"SELECT count(*) FROM engine_meta.outbox WHERE {where}", parameters))!;

    public OutboxRelay Relay(IEventPublisher publisher, EventsOptions? options = null) =>
        new(DataSource, Snapshots, publisher, options ?? new EventsOptions { RelayIdleMilliseconds = 20 }, NullLogger<OutboxRelay>.Instance, Dialect);

    private async Task LoadSnapshotAsync()
    {
        var metadata = await Store.LoadAsync(CancellationToken.None);
        Snapshots.TrySwap(new SnapshotBuilder([], Store.DataSchema).Build(metadata, Snapshots.TryCurrent));
    }

    private string Table(ResourceModel resource) => $"\"{Store.DataSchema}\".\"{resource.Table}\"";

    private async Task ExecuteAsync(string sql, object?[] values)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var zone = new NpgsqlCommand("SELECT set_config('TimeZone', $1, false)", connection))
        {
            zone.Parameters.Add(new NpgsqlParameter { Value = WriterTimeZone });
            await zone.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
