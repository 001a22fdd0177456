using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Events.Outbox;

/// <summary>The relay's SQL over <c>engine_meta.outbox</c> (created by the store's migration <c>0002_outbox.sql</c>).</summary>
internal static class OutboxStore
{
    /// <summary>
    /// The number of shards rows are spread over (<c>hashtext(record_id::text) &amp; 15</c> in the trigger; on CockroachDB
    /// the id's last hex digit).
    /// </summary>
    public const int ShardCount = 16;

    /// <summary>
    /// The first key of the relay's transaction-level advisory locks (the shard is the second): arbitrary, and in the
    /// two-key space, apart from single-key locks.
    /// </summary>
    public const int RelayLockKey = 0x0E0E_7E17;

    private const int PruneBatchSize = 5000;

    /// <summary>The shards that have undelivered rows: one probe of the pending index per shard, however long the backlog.</summary>
    public static async Task<List<int>> PendingShardsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s FROM generate_series(0, 15) s
            WHERE EXISTS (SELECT 1 FROM engine_meta.outbox WHERE shard = s AND delivered_at IS NULL)
            """;
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var shards = new List<int>(ShardCount);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            shards.Add(reader.GetInt32(0));
        }

        return shards;
    }

    /// <summary>
    /// Takes the shard's relay lock for this transaction; false when another relay holds it. PostgreSQL: a
    /// transaction-level advisory lock. CockroachDB (<paramref name="shardRows"/>), which has no advisory locks: the
    /// shard's row in <c>engine_meta.outbox_shards</c>, locked with <c>FOR UPDATE SKIP LOCKED</c> until commit.
    /// </summary>
    public static async Task<bool> TryLockShardAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int shard, bool shardRows, CancellationToken cancellationToken)
    {
        if (shardRows)
        {
            await using var row = new NpgsqlCommand(
                "SELECT shard FROM engine_meta.outbox_shards WHERE shard = $1 FOR UPDATE SKIP LOCKED", connection, transaction);
            row.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)shard });
            return await row.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }

        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1, $2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = RelayLockKey });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The columns <see cref="ReadRow"/> reads, in its order.</summary>
    public const string RowColumns =
        "seq, event_id, resource, operation::text, record_id, committed_at, old_row::text, new_row::text";

    /// <summary>The shard's oldest undelivered rows, in insertion order.</summary>
    public static async Task<List<OutboxRow>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int shard, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {RowColumns}
            FROM engine_meta.outbox
            WHERE shard = $1 AND delivered_at IS NULL
            ORDER BY seq
            LIMIT $2
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)shard });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    /// <summary>The row at the reader's position, selected with <see cref="RowColumns"/>.</summary>
    public static OutboxRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3)[0],
        reader.GetGuid(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : Encoding.UTF8.GetBytes(reader.GetString(6)),
        reader.IsDBNull(7) ? null : Encoding.UTF8.GetBytes(reader.GetString(7)));

    /// <summary>
    /// Marks rows delivered (in the relay's transaction, committed after the publishes succeeded), or deletes them when
    /// <paramref name="keep"/> is false: no retention means no new row version, no index entries and nothing to prune later.
    /// </summary>
    public static async Task MarkDeliveredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> seqs, bool keep, CancellationToken cancellationToken)
    {
        var sql = keep
            ? "UPDATE engine_meta.outbox SET delivered_at = now() WHERE seq = ANY($1)"
            : "DELETE FROM engine_meta.outbox WHERE seq = ANY($1)";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = seqs.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes rows delivered more than <paramref name="retentionMinutes"/> ago, in batches so no statement holds many
    /// locks; rows another pod is deleting are skipped. Returns the number deleted.
    /// </summary>
    public static async Task<long> PruneAsync(NpgsqlDataSource dataSource, double retentionMinutes, CancellationToken cancellationToken)
    {
        const string sql = """
            DELETE FROM engine_meta.outbox
            WHERE seq = ANY(ARRAY(
                SELECT seq FROM engine_meta.outbox
                WHERE delivered_at < now() - $1 * interval '1 minute'
                LIMIT $2
                FOR UPDATE SKIP LOCKED))
            """;
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = retentionMinutes });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PruneBatchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < PruneBatchSize)
            {
                return total;
            }
        }
    }
}
