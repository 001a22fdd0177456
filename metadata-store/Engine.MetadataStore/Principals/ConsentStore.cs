using Npgsql;
using NpgsqlTypes;

namespace Engine.MetadataStore.Principals;

/// <summary>What each user approved on the consent page, per client: the scopes granted (SPEC §6 login and consent).</summary>
public sealed class ConsentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The scopes <paramref name="userId"/> granted <paramref name="clientId"/>, or null when never asked.</summary>
    public async Task<IReadOnlyList<string>?> FindAsync(Guid userId, string clientId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT scopes FROM engine_meta.consents WHERE user_id = $1 AND client_id = $2");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = userId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = clientId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string[];
    }

    /// <summary>Remembers that <paramref name="userId"/> granted <paramref name="scopes"/> to <paramref name="clientId"/>, adding to earlier grants.</summary>
    public async Task GrantAsync(Guid userId, string clientId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO engine_meta.consents (user_id, client_id, scopes) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, client_id) DO UPDATE
                SET scopes = ARRAY(SELECT DISTINCT s FROM unnest(consents.scopes || EXCLUDED.scopes) AS s ORDER BY s), granted_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = userId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = clientId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = scopes.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
