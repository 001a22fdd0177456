using Npgsql;
using NpgsqlTypes;

namespace Engine.MetadataStore.Principals;

/// <summary>
/// Makes self-contained authorization codes and refresh tokens single-use: the first redemption of a token id is
/// recorded, every later one is refused; a replay revokes the token's grant (recorded in the same table under
/// <c>grant:</c> + the grant id). Rows are kept until the token, or every token of the grant, has expired.
/// </summary>
public sealed class RedeemedTokenStore(NpgsqlDataSource dataSource)
{
    private const string GrantPrefix = "grant:";

    /// <summary>
    /// Records <paramref name="tokenId"/> as redeemed; false when it already was (on any pod), i.e. this is a replay.
    /// </summary>
    public async Task<bool> TryRedeemAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO engine_meta.redeemed_tokens (token_id, expires_at) VALUES ($1, $2) ON CONFLICT (token_id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = tokenId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = expiresAt.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Revokes the grant <paramref name="grantId"/> until <paramref name="expiresAt"/> (when its last token expires).</summary>
    public async Task RevokeGrantAsync(string grantId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await TryRedeemAsync(GrantPrefix + grantId, expiresAt, cancellationToken).ConfigureAwait(false);

    /// <summary>True when the grant <paramref name="grantId"/> was revoked.</summary>
    public async Task<bool> IsGrantRevokedAsync(string grantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM engine_meta.redeemed_tokens WHERE token_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = GrantPrefix + grantId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>Forgets the ids of tokens that have expired (they are refused for their expiry anyway); returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM engine_meta.redeemed_tokens WHERE expires_at < now()");
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
