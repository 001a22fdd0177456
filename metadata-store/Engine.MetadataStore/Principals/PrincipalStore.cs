using Npgsql;
using NpgsqlTypes;

namespace Engine.MetadataStore.Principals;

/// <summary>Clients and users of the built-in OAuth2 server, kept in <c>engine_meta</c> (SPEC §6).</summary>
public sealed class PrincipalStore(NpgsqlDataSource dataSource)
{
    private const string ClientColumns = "client_id, secret_hash, roles, claims::text, redirect_uris";
    private const string UserColumns = "id, username, password_hash, roles, claims::text, disabled";

    /// <summary>Every client, ordered by id.</summary>
    public Task<IReadOnlyList<StoredClient>> ListClientsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ClientColumns} FROM engine_meta.clients ORDER BY client_id", ReadClient, cancellationToken);

    /// <summary>The client <paramref name="clientId"/>, or null.</summary>
    public async Task<StoredClient?> FindClientAsync(string clientId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ClientColumns} FROM engine_meta.clients WHERE client_id = $1", ReadClient, cancellationToken, clientId)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// Creates the client, or replaces it when <paramref name="replace"/> is true; a null secret hash keeps the stored one.
    /// Returns false when the client exists and <paramref name="replace"/> is false.
    /// </summary>
    public async Task<bool> SaveClientAsync(StoredClient client, bool replace, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO engine_meta.clients (client_id, secret_hash, roles, claims, redirect_uris) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (client_id) DO {(replace ? """
                UPDATE SET secret_hash = COALESCE(EXCLUDED.secret_hash, clients.secret_hash), roles = EXCLUDED.roles,
                    claims = EXCLUDED.claims, redirect_uris = EXCLUDED.redirect_uris, updated_at = now()
                """ : "NOTHING")}
            """;
        return await ExecuteAsync(sql, cancellationToken,
            Text(client.ClientId), Text(client.SecretHash), TextArray(client.Roles), Json(client.Claims), TextArray(client.RedirectUris))
            .ConfigureAwait(false) > 0;
    }

    /// <summary>Deletes the client; false when there was none.</summary>
    public async Task<bool> DeleteClientAsync(string clientId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM engine_meta.clients WHERE client_id = $1", cancellationToken, Text(clientId)).ConfigureAwait(false) > 0;

    /// <summary>Every user, ordered by username.</summary>
    public Task<IReadOnlyList<StoredUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {UserColumns} FROM engine_meta.users ORDER BY username", ReadUser, cancellationToken);

    /// <summary>The user named <paramref name="username"/>, or null.</summary>
    public async Task<StoredUser?> FindUserAsync(string username, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {UserColumns} FROM engine_meta.users WHERE username = $1", ReadUser, cancellationToken, username)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The user with id <paramref name="id"/>, or null.</summary>
    public async Task<StoredUser?> FindUserAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {UserColumns} FROM engine_meta.users WHERE id = $1", ReadUser, cancellationToken, id)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// Creates the user (keyed by username), or replaces it when <paramref name="replace"/> is true, keeping its id; an
    /// empty password hash keeps the stored one. Returns false when the user exists and <paramref name="replace"/> is false.
    /// </summary>
    public async Task<bool> SaveUserAsync(StoredUser user, bool replace, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO engine_meta.users (id, username, password_hash, roles, claims, disabled) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (username) DO {(replace ? """
                UPDATE SET password_hash = COALESCE(NULLIF(EXCLUDED.password_hash, ''), users.password_hash), roles = EXCLUDED.roles,
                    claims = EXCLUDED.claims, disabled = EXCLUDED.disabled, updated_at = now()
                """ : "NOTHING")}
            """;
        return await ExecuteAsync(sql, cancellationToken,
            new NpgsqlParameter { Value = user.Id }, Text(user.Username), Text(user.PasswordHash), TextArray(user.Roles), Json(user.Claims),
            new NpgsqlParameter { Value = user.Disabled }).ConfigureAwait(false) > 0;
    }

    /// <summary>Deletes the user; false when there was none.</summary>
    public async Task<bool> DeleteUserAsync(string username, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM engine_meta.users WHERE username = $1", cancellationToken, Text(username)).ConfigureAwait(false) > 0;

    private static StoredClient ReadClient(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetFieldValue<string[]>(2),
        ClaimsJson.Read(reader.GetString(3)),
        reader.GetFieldValue<string[]>(4));

    private static StoredUser ReadUser(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3),
        ClaimsJson.Read(reader.GetString(4)),
        reader.GetBoolean(5));

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter TextArray(IReadOnlyList<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static NpgsqlParameter Json(IReadOnlyDictionary<string, string> claims) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = ClaimsJson.Write(claims) };

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
