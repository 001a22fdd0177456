using Engine.Metadata.Definitions;
using Engine.Metadata.Naming;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>A migrated store over the collection's database, and queries that look at what the DDL made.</summary>
public abstract class StoreTestBase(PostgresDatabase database, VersionedMetadataStore store) : IAsyncLifetime
{
    protected const string Author = "store-tests";

    /// <summary>Tests of PostgreSQL's store.</summary>
    protected StoreTestBase(PostgresDatabase database)
        : this(database, new VersionedMetadataStore(database.DataSource))
    {
    }

    protected PostgresDatabase Database { get; } = database;

    protected VersionedMetadataStore Store { get; } = store;

    public Task InitializeAsync() => Store.MigrateAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    protected static string TableOf(string resource) => NameConventions.ToSnakeCase(resource);

    protected Task<ChangeResult> PutAsync(ResourceDefinition definition, bool allowDestructive = false) =>
        Store.ApplyAsync(new PutResource(definition) { Author = Author, AllowDestructive = allowDestructive }, CancellationToken.None);

    /// <summary>Applies a document made of everything stored now, with <paramref name="change"/> applied to that list.</summary>
    protected async Task<ChangeResult> ApplyDocumentAsync(
        Func<List<ResourceDefinition>, List<ResourceDefinition>> change, bool dryRun = false, bool allowDestructive = false)
    {
        var current = await Store.LoadAsync(CancellationToken.None);
        var document = change(current.Definitions.ToList());
        return await Store.ApplyAsync(
            new ApplyDocument(document) { Author = Author, DryRun = dryRun, AllowDestructive = allowDestructive }, CancellationToken.None);
    }

    protected async Task<bool> TableExistsAsync(string table) =>
        await Database.ScalarAsync("SELECT to_regclass(format('%I.%I', 'data', $1::text)) IS NOT NULL", table) is true;

    /// <summary>Columns of a data table: name → (type, nullable, default).</summary>
    protected async Task<Dictionary<string, (string Type, bool Nullable, string? Default)>> ColumnsAsync(string table)
    {
        await using var command = Database.DataSource.CreateCommand(
            """
            SELECT column_name, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.table_schema = 'data' AND c.table_name = $1
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = table });
        var columns = new Dictionary<string, (string, bool, string?)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return columns;
    }

    /// <summary>Constraint names of a data table with their type letter (p, u, c, f).</summary>
    protected async Task<Dictionary<string, string>> ConstraintsAsync(string table)
    {
        await using var command = Database.DataSource.CreateCommand(
            """
            SELECT con.conname, con.contype::text FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'data' AND t.relname = $1
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = table });
        var constraints = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            constraints[reader.GetString(0)] = reader.GetString(1);
        }

        return constraints;
    }

    protected async Task<bool> IndexExistsAsync(string index) =>
        await Database.ScalarAsync("SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = 'data' AND indexname = $1)", index) is true;

    /// <summary>Inserts a row with only an id (and defaults), returning the id.</summary>
    protected async Task<Guid> InsertRowAsync(string table)
    {
        var id = Guid.NewGuid();
        await using var command = Database.DataSource.CreateCommand($"INSERT INTO data.\"{table}\" (id) VALUES ($1)");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
