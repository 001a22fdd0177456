using Engine.MetadataStore.Schema;
using Npgsql;

namespace Engine.MetadataStore.Principals;

/// <summary>The private keys every pod signs and encrypts tokens with: created once, then read by every pod.</summary>
public sealed class SharedKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Keys this store's advisory lock apart from the store's others (<see cref="AdvisoryLocks"/>).</summary>
    private const long KeyCreationLock = 0x656E67_6D657461_6B;

    /// <summary>
    /// The stored key for <paramref name="purpose"/>, created with <paramref name="create"/> when there is none yet.
    /// Pods starting together wait on one advisory lock, so exactly one key is ever created per purpose.
    /// </summary>
    public async Task<StoredKey> GetOrCreateAsync(string purpose, Func<StoredKey> create, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, KeyCreationLock)
            .ConfigureAwait(false);

        await using (var select = new NpgsqlCommand(
            "SELECT key_id, private_pem FROM engine_meta.signing_keys WHERE purpose = $1", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = purpose });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new StoredKey(purpose, reader.GetString(0), reader.GetString(1));
            }
        }

        var key = create() with { Purpose = purpose };
        await StoreCommands.ExecuteAsync(connection, transaction,
            "INSERT INTO engine_meta.signing_keys (purpose, key_id, private_pem) VALUES ($1, $2, $3)",
            cancellationToken, key.Purpose, key.KeyId, key.PrivatePem).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }
}
