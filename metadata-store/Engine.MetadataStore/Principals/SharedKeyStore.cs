using Engine.MetadataStore.Schema;
using Npgsql;

namespace Engine.MetadataStore.Principals;

/// <summary>
/// The private keys every pod signs and encrypts tokens with. Per purpose the newest key is the current one; older ones
/// are kept until <c>retention</c> after their successor appeared, so what they signed still validates.
/// </summary>
public sealed class SharedKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Keys this store's advisory lock apart from the store's others (<see cref="AdvisoryLocks"/>).</summary>
    private const long KeyCreationLock = 0x656E67_6D657461_6B;

    private const string KeyColumns = "purpose, key_id, private_pem, created_at";

    /// <summary>The stored keys for <paramref name="purpose"/>, newest (current) first.</summary>
    public async Task<IReadOnlyList<StoredKey>> ListAsync(string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, purpose, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes sure <paramref name="purpose"/> has a current key younger than <paramref name="maxAge"/> (any age when null),
    /// creating one with <paramref name="create"/> otherwise, deletes the keys whose successor is older than
    /// <paramref name="retention"/>, and returns the keys newest first. Pods doing this at once queue on one advisory lock
    /// and the database's clock decides ages, so exactly one pod creates each new key and all agree on which is current.
    /// </summary>
    public async Task<IReadOnlyList<StoredKey>> EnsureCurrentAsync(
        string purpose, TimeSpan? maxAge, TimeSpan retention, Func<StoredKey> create, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, KeyCreationLock)
            .ConfigureAwait(false);

        await using (var due = new NpgsqlCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM engine_meta.signing_keys WHERE purpose = $1 AND ($2::interval IS NULL OR created_at > now() - $2::interval))",
            connection, transaction))
        {
            due.Parameters.Add(new NpgsqlParameter { Value = purpose });
            due.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Interval, Value = (object?)maxAge ?? DBNull.Value });
            if ((bool)(await due.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                var key = create();
                await StoreCommands.ExecuteAsync(connection, transaction,
                    "INSERT INTO engine_meta.signing_keys (purpose, key_id, private_pem) VALUES ($1, $2, $3)",
                    cancellationToken, purpose, key.KeyId, key.PrivatePem).ConfigureAwait(false);
            }
        }

        await StoreCommands.ExecuteAsync(connection, transaction, """
            DELETE FROM engine_meta.signing_keys k
            WHERE k.purpose = $1 AND EXISTS (
                SELECT 1 FROM engine_meta.signing_keys n
                WHERE n.purpose = k.purpose AND n.created_at > k.created_at AND n.created_at < now() - $2::interval)
            """, cancellationToken, purpose, retention).ConfigureAwait(false);
        var keys = await ReadAsync(connection, transaction, purpose, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return keys;
    }

    private static async Task<IReadOnlyList<StoredKey>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string purpose, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            $"SELECT {KeyColumns} FROM engine_meta.signing_keys WHERE purpose = $1 ORDER BY created_at DESC, key_id", connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = purpose });
        var keys = new List<StoredKey>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new StoredKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return keys;
    }
}
