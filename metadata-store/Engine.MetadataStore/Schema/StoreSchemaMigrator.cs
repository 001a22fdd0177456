using System.Globalization;
using System.Reflection;
using Engine.MetadataStore.Schema;
using Npgsql;

namespace Engine.MetadataStore.Schema;

/// <summary>
/// Brings the store's own schema (<c>engine_meta</c>) up to date from the numbered scripts embedded under
/// <c>Migrations/</c>, recording each in <c>engine_meta.schema_migrations</c>. Scripts that touch the data tables read
/// the data schema's name from the setting <c>engine.data_schema</c>, set for the migrating transaction.
/// </summary>
internal static class StoreSchemaMigrator
{
    private const string ResourcePrefix = "Migrations/";

    /// <summary>Applies every script not applied yet, in number order, in one transaction.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string dataSchema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Pods starting at once queue here; the later ones find the scripts applied and do nothing.
        await StoreCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, AdvisoryLocks.StoreMigration).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(connection, transaction, """
            CREATE SCHEMA IF NOT EXISTS engine_meta;
            CREATE TABLE IF NOT EXISTS engine_meta.schema_migrations (
                id         integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(
            connection, transaction, "SELECT set_config('engine.data_schema', $1, true)", cancellationToken, dataSchema).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT id FROM engine_meta.schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var script in Scripts().Where(s => !applied.Contains(s.Id)))
        {
            await StoreCommands.ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            await StoreCommands.ExecuteAsync(
                connection, transaction, "INSERT INTO engine_meta.schema_migrations (id, name) VALUES ($1, $2)",
                cancellationToken, script.Id, script.Name).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The embedded scripts, ordered by the number their file name starts with (<c>0001_initial.sql</c>).</summary>
    internal static IReadOnlyList<StoreMigrationScript> Scripts() => Scripts(ResourcePrefix);

    /// <summary>The embedded scripts whose resource name starts with <paramref name="prefix"/>, in number order.</summary>
    internal static IReadOnlyList<StoreMigrationScript> Scripts(string prefix)
    {
        var assembly = typeof(StoreSchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, prefix, n))
            .OrderBy(s => s.Id)
            .ToArray();
    }

    private static StoreMigrationScript Load(Assembly assembly, string prefix, string resourceName)
    {
        var name = resourceName[prefix.Length..^".sql".Length];
        var digits = name.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw new InvalidOperationException($"migration script {resourceName} does not start with its number");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new StoreMigrationScript(int.Parse(name[..digits], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }
}
