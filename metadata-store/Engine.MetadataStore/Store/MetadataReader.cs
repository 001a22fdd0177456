using System.Collections.Frozen;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore.Planning;
using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>The store's read queries, run on a connection and transaction the caller owns.</summary>
internal static class MetadataReader
{
    public static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT max(version) FROM engine_meta.versions", connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long version ? version : 0;
    }

    /// <summary>The current version with every live resource in creation order; run it in one snapshot.</summary>
    public static async Task<StoredMetadata> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var version = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var numbers = await FieldNumbersAsync(connection, transaction, null, cancellationToken).ConfigureAwait(false);
        var enumNumbers = await EnumValueNumbersAsync(connection, transaction, null, cancellationToken).ConfigureAwait(false);

        var resources = new List<StoredResource>();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.definition, r.version, v.created_at
            FROM engine_meta.resources r JOIN engine_meta.versions v ON v.version = r.version
            ORDER BY r.position
            """,
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var definition = DefinitionJson.Deserialize(reader.GetString(0));
            var everUsed = numbers.GetValueOrDefault(definition.Name) ?? [];
            resources.Add(new StoredResource(
                definition, reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), Reserved(definition, everUsed))
            {
                EnumValueNumbers = EnumValueNumbersOf(enumNumbers.GetValueOrDefault(definition.Name)),
            });
        }

        return new StoredMetadata(version, resources);
    }

    /// <summary>Every number each resource ever used; all resources when <paramref name="resources"/> is null.</summary>
    public static async Task<Dictionary<string, List<FieldNumber>>> FieldNumbersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string>? resources, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            resources is null
                ? "SELECT resource, number, field FROM engine_meta.field_numbers ORDER BY resource, number"
                : "SELECT resource, number, field FROM engine_meta.field_numbers WHERE resource = ANY($1) ORDER BY resource, number",
            connection, transaction);
        if (resources is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = resources.ToArray() });
        }

        var numbers = new Dictionary<string, List<FieldNumber>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var resource = reader.GetString(0);
            if (!numbers.TryGetValue(resource, out var list))
            {
                numbers[resource] = list = [];
            }

            list.Add(new FieldNumber(reader.GetInt32(1), reader.GetString(2)));
        }

        return numbers;
    }

    /// <summary>
    /// Every enum value number each resource ever gave, by resource then field; all resources when
    /// <paramref name="resources"/> is null.
    /// </summary>
    public static async Task<Dictionary<string, Dictionary<string, List<EnumValueNumber>>>> EnumValueNumbersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string>? resources, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            resources is null
                ? "SELECT resource, field, number, value FROM engine_meta.enum_value_numbers ORDER BY resource, field, number"
                : "SELECT resource, field, number, value FROM engine_meta.enum_value_numbers WHERE resource = ANY($1) ORDER BY resource, field, number",
            connection, transaction);
        if (resources is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = resources.ToArray() });
        }

        var numbers = new Dictionary<string, Dictionary<string, List<EnumValueNumber>>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var resource = reader.GetString(0);
            if (!numbers.TryGetValue(resource, out var fields))
            {
                numbers[resource] = fields = new Dictionary<string, List<EnumValueNumber>>(StringComparer.Ordinal);
            }

            var field = reader.GetString(1);
            if (!fields.TryGetValue(field, out var list))
            {
                fields[field] = list = [];
            }

            list.Add(new EnumValueNumber(reader.GetInt32(2), reader.GetString(3)));
        }

        return numbers;
    }

    /// <summary>A resource's enum value numbers as <see cref="StoredResource.EnumValueNumbers"/> carries them (a frozen copy).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EnumValueNumber>> EnumValueNumbersOf(Dictionary<string, List<EnumValueNumber>>? fields) =>
        fields is null
            ? FrozenDictionary<string, IReadOnlyList<EnumValueNumber>>.Empty
            : fields.ToFrozenDictionary(f => f.Key, IReadOnlyList<EnumValueNumber> (f) => f.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The numbers a resource used that none of its current fields has.</summary>
    public static IReadOnlyList<FieldNumber> Reserved(ResourceDefinition definition, IEnumerable<FieldNumber> everUsed)
    {
        var inUse = definition.Fields.Select(f => f.Number).OfType<int>().ToHashSet();
        return everUsed.Where(n => !inUse.Contains(n.Number)).OrderBy(n => n.Number).ToArray();
    }

    public static async Task<bool> TableHasRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string table, CancellationToken cancellationToken)
    {
        // Identifiers cannot be parameters; these come from stored, validated metadata and are quoted.
        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {SqlText.Qualified(schema, table)})", connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    public static async Task<IReadOnlyList<VersionInfo>> HistoryAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, created_at, author, summary FROM engine_meta.versions ORDER BY version DESC LIMIT $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var history = new List<VersionInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(new VersionInfo(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3)));
        }

        return history;
    }
}
