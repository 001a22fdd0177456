using Engine.Dialects;
using Engine.MetadataStore.Store;
using Npgsql;

namespace Engine.MetadataStore.Schema;

/// <summary>
/// The store's own migrations on CockroachDB: the same numbered scripts as on PostgreSQL, except those with a
/// CockroachDB form under <c>Migrations/Cockroach/</c> (same number), which run instead. Pods starting together queue on
/// a lease (no advisory locks); each script commits in its own transaction together with its row in
/// <c>schema_migrations</c>, retried on serialization failures; no script reads <c>engine.data_schema</c> here.
/// </summary>
internal static class CockroachStoreSchemaMigrator
{
    /// <summary>The lease every migrating pod takes.</summary>
    public const string LeaseName = "store-migration";

    private const string CockroachPrefix = "CockroachMigrations/";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    private static readonly string[] Bootstrap =
    [
        "CREATE SCHEMA IF NOT EXISTS engine_meta",
        StoreLease.CreateTableSql,
        """
        CREATE TABLE IF NOT EXISTS engine_meta.schema_migrations (
            id         integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        PendingChanges.CreateTableSql,
    ];

    /// <summary>Applies every script not applied yet, in number order.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, TransactionRetryPolicy retry, CancellationToken cancellationToken)
    {
        foreach (var statement in Bootstrap)
        {
            await BootstrapAsync(dataSource, statement, retry, cancellationToken).ConfigureAwait(false);
        }

        await using var lease = await StoreLease.AcquireAsync(dataSource, LeaseName, LeaseDuration, retry, cancellationToken).ConfigureAwait(false);
        var applied = await retry.ExecuteAsync(token => AppliedAsync(dataSource, token), cancellationToken).ConfigureAwait(false);
        foreach (var script in Scripts().Where(s => !applied.Contains(s.Id)))
        {
            await retry.ExecuteAsync(token => ApplyAsync(dataSource, script, token), cancellationToken).ConfigureAwait(false);
            await lease.RenewAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one <c>IF NOT EXISTS</c> statement of the bootstrap. Pods starting at the same moment race past the check
    /// (a duplicate error, or a unique violation in the catalog); the loser runs it again and finds the object there.
    /// </summary>
    private static async Task BootstrapAsync(NpgsqlDataSource dataSource, string statement, TransactionRetryPolicy retry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await retry.ExecuteAsync(token => ExecuteAsync(dataSource, statement, token), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException error) when (attempt < 3 && (DdlReplay.IsAlreadyDone(error) || error.SqlState == PostgresErrorCodes.UniqueViolation))
            {
            }
        }
    }

    /// <summary>The scripts CockroachDB runs: PostgreSQL's, each replaced by its CockroachDB form where there is one.</summary>
    internal static IReadOnlyList<StoreMigrationScript> Scripts()
    {
        var overrides = StoreSchemaMigrator.Scripts(CockroachPrefix).ToDictionary(s => s.Id);
        return StoreSchemaMigrator.Scripts().Select(s => overrides.GetValueOrDefault(s.Id) ?? s).ToArray();
    }

    private static async Task ApplyAsync(NpgsqlDataSource dataSource, StoreMigrationScript script, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A pod that lost its lease mid-way may have applied it meanwhile: the row is the truth.
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM engine_meta.schema_migrations WHERE id = $1", connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = script.Id });
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long and > 0)
            {
                return;
            }
        }

        await StoreCommands.ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(
            connection, transaction, "INSERT INTO engine_meta.schema_migrations (id, name) VALUES ($1, $2)", cancellationToken, script.Id, script.Name).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using var command = dataSource.CreateCommand("SELECT id FROM engine_meta.schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
