using System.Text.Json;
using Npgsql;

namespace Engine.MetadataStore.Tests.Outbox;

/// <summary>One row of <c>engine_meta.outbox</c>, with the shard PostgreSQL computes for its record id beside it.</summary>
internal sealed record OutboxRow(
    long Seq, Guid EventId, string Resource, string Operation, Guid RecordId, short Shard, int ExpectedShard,
    JsonElement? OldRow, JsonElement? NewRow, DateTimeOffset? DeliveredAt);

/// <summary>Reads outbox rows and writes data rows with plain SQL, so the tests see exactly what the trigger wrote.</summary>
internal static class OutboxRows
{
    /// <summary>The rows of <paramref name="resource"/> (test resources have unique names), in seq order.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> OfAsync(NpgsqlDataSource dataSource, string resource)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT seq, event_id, resource, operation::text, record_id, shard, hashtext(record_id::text) & 15,
                   old_row::text, new_row::text, delivered_at
            FROM engine_meta.outbox WHERE resource = $1 ORDER BY seq
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = resource });
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetInt16(5), reader.GetInt32(6), Json(reader, 7), Json(reader, 8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return rows;
    }

    /// <summary>Runs one statement with positional parameters ($1, $2, …) on its own connection.</summary>
    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts a row with the given id and title into a table with a <c>title</c> column.</summary>
    public static Task InsertTitledAsync(NpgsqlDataSource dataSource, string table, Guid id, string title) =>
        ExecuteAsync(dataSource, $"INSERT INTO data.\"{table}\" (id, title) VALUES ($1, $2)", id, title);

    private static JsonElement? Json(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();
}
