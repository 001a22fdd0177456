using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Engine.MetadataStore.Store;

/// <summary>The table of <see cref="PendingChange"/>s (at most one: changes run one at a time under a lease).</summary>
internal static class PendingChanges
{
    /// <summary>Creates the table (CockroachDB stores only).</summary>
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS engine_meta.pending_changes (
            from_version bigint      PRIMARY KEY,
            body         jsonb       NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>Deletes the pending change of <c>$1</c> (run in the transaction that commits its version).</summary>
    public const string DeleteSql = "DELETE FROM engine_meta.pending_changes WHERE from_version = $1";

    public static async Task WriteAsync(NpgsqlDataSource dataSource, PendingChange change, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO engine_meta.pending_changes (from_version, body) VALUES ($1, $2)
            ON CONFLICT (from_version) DO UPDATE SET body = excluded.body, created_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = change.FromVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(change), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The oldest pending change, or null.</summary>
    public static async Task<PendingChange?> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT body::text FROM engine_meta.pending_changes ORDER BY from_version LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<PendingChange>(json)
            : null;
    }

    public static async Task DeleteAsync(NpgsqlDataSource dataSource, long fromVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteSql);
        command.Parameters.Add(new NpgsqlParameter { Value = fromVersion });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
