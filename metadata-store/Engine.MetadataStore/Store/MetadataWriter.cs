using System.Globalization;
using Engine.Metadata.Model;
using Npgsql;
using NpgsqlTypes;

namespace Engine.MetadataStore.Store;

/// <summary>Records a new version: its row, the resources it changed, the new field and enum value numbers, and the notification.</summary>
internal static class MetadataWriter
{
    /// <summary>The channel every change is announced on, with the new version number as payload.</summary>
    public const string ChangeChannel = "engine_meta_changed";

    /// <summary>Writes everything about version <paramref name="version"/> (and <c>NOTIFY</c> when <paramref name="notify"/>); returns when it was made.</summary>
    public static async Task<DateTimeOffset> WriteVersionAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        long version,
        string author,
        string summary,
        ChangeSet changes,
        IReadOnlyList<(string Resource, FieldNumber Number)> newNumbers,
        IReadOnlyList<(string Resource, string Field, EnumValueNumber Number)> newEnumNumbers,
        bool notify,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insertVersion = Command(
            "INSERT INTO engine_meta.versions (version, author, summary) VALUES ($1, $2, $3) RETURNING created_at",
            Value(version), Value(author), Value(summary));
        batch.BatchCommands.Add(insertVersion);

        var names = changes.Resources.Select(r => r.Name).ToArray();
        var documents = changes.Resources.Select(r => r.Json).ToArray();
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO engine_meta.resource_versions (name, version, definition)
            SELECT t.name, $2, t.definition::jsonb FROM unnest($1::text[], $3::text[]) AS t(name, definition)
            """,
            Value(names), Value(version), Text(documents)));

        var live = changes.Resources.Where(r => !r.Deleted).ToArray();
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO engine_meta.resources (name, definition, version)
            SELECT t.name, t.definition::jsonb, $2 FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS t(name, definition, position)
            ORDER BY t.position
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, version = excluded.version
            """,
            Value(live.Select(r => r.Name).ToArray()), Value(version), Text(live.Select(r => r.Json).ToArray())));
        batch.BatchCommands.Add(Command(
            "DELETE FROM engine_meta.resources WHERE name = ANY($1)",
            Value(changes.Deleted.Select(r => r.Name).ToArray())));

        batch.BatchCommands.Add(Command(
            """
            INSERT INTO engine_meta.field_numbers (resource, number, field, version)
            SELECT t.resource, t.number, t.field, $4 FROM unnest($1::text[], $2::integer[], $3::text[]) AS t(resource, number, field)
            """,
            Value(newNumbers.Select(n => n.Resource).ToArray()), Value(newNumbers.Select(n => n.Number.Number).ToArray()),
            Value(newNumbers.Select(n => n.Number.Field).ToArray()), Value(version)));

        batch.BatchCommands.Add(Command(
            """
            INSERT INTO engine_meta.enum_value_numbers (resource, field, value, number, version)
            SELECT t.resource, t.field, t.value, t.number, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[]) AS t(resource, field, value, number)
            """,
            Value(newEnumNumbers.Select(n => n.Resource).ToArray()), Value(newEnumNumbers.Select(n => n.Field).ToArray()),
            Value(newEnumNumbers.Select(n => n.Number.Value).ToArray()), Value(newEnumNumbers.Select(n => n.Number.Number).ToArray()),
            Value(version)));

        // Delivered at commit, and only if it commits. CockroachDB has no NOTIFY: its pods learn of versions from NATS
        // and polling, as they do on PostgreSQL too (nothing listens on the channel inside the engine).
        if (notify)
        {
            batch.BatchCommands.Add(Command("SELECT pg_notify($1, $2)", Value(ChangeChannel), Value(version.ToString(CultureInfo.InvariantCulture))));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var createdAt = reader.GetFieldValue<DateTimeOffset>(0);

        // Later statements report their errors only as their results are reached.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return createdAt;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Value(object value) => new() { Value = value };

    // Deleted resources store a NULL definition, so the array must be typed text[] with null elements.
    private static NpgsqlParameter Text(string?[] values) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
