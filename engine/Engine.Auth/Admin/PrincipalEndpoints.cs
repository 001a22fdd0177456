using Engine.Auth.Hashing;
using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Auth.Admin;

/// <summary>
/// <c>/meta/clients</c> and <c>/meta/users</c> (SPEC §6): list, create, read, replace and delete principals. Only
/// admins reach them (<see cref="Validation.AuthGate"/> guards all of <c>/meta</c>).
/// </summary>
internal static class PrincipalEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var clients = endpoints.MapGroup("/meta/clients");
        clients.MapGet("", async (PrincipalStore store, CancellationToken ct) => AdminResults.Clients(await store.ListClientsAsync(ct).ConfigureAwait(false)));
        clients.MapPost("", (HttpContext http, PrincipalStore store, CancellationToken ct) => SaveClientAsync(http, store, null, ct));
        clients.MapGet("/{clientId}", GetClientAsync);
        clients.MapPut("/{clientId}", (string clientId, HttpContext http, PrincipalStore store, CancellationToken ct) =>
            SaveClientAsync(http, store, clientId, ct));
        clients.MapDelete("/{clientId}", async (string clientId, PrincipalStore store, CancellationToken ct) =>
            await store.DeleteClientAsync(clientId, ct).ConfigureAwait(false) ? Results.NoContent() : NoSuchClient(clientId));

        var users = endpoints.MapGroup("/meta/users");
        users.MapGet("", async (PrincipalStore store, CancellationToken ct) => AdminResults.Users(await store.ListUsersAsync(ct).ConfigureAwait(false)));
        users.MapPost("", (HttpContext http, PrincipalStore store, CancellationToken ct) => SaveUserAsync(http, store, null, ct));
        users.MapGet("/{username}", GetUserAsync);
        users.MapPut("/{username}", (string username, HttpContext http, PrincipalStore store, CancellationToken ct) =>
            SaveUserAsync(http, store, username, ct));
        users.MapDelete("/{username}", async (string username, PrincipalStore store, CancellationToken ct) =>
            await store.DeleteUserAsync(username, ct).ConfigureAwait(false) ? Results.NoContent() : NoSuchUser(username));
    }

    private static async Task<IResult> GetClientAsync(string clientId, PrincipalStore store, CancellationToken ct) =>
        await store.FindClientAsync(clientId, ct).ConfigureAwait(false) is { } client ? AdminResults.Client(client) : NoSuchClient(clientId);

    private static async Task<IResult> GetUserAsync(string username, PrincipalStore store, CancellationToken ct) =>
        await store.FindUserAsync(username, ct).ConfigureAwait(false) is { } user ? AdminResults.User(user) : NoSuchUser(username);

    /// <summary>POST (<paramref name="urlClientId"/> null) creates, 409 if it exists; PUT creates or replaces, keeping an unsent secret.</summary>
    private static async Task<IResult> SaveClientAsync(HttpContext http, PrincipalStore store, string? urlClientId, CancellationToken ct)
    {
        var read = await ReadAsync(http, ct).ConfigureAwait(false);
        if (read.Error is not null)
        {
            return read.Error;
        }

        var (body, errors) = ClientBody.Parse(read.Bytes, urlClientId);
        if (body is null)
        {
            return AdminResults.Errors(StatusCodes.Status400BadRequest, errors);
        }

        var existing = await store.FindClientAsync(body.ClientId, ct).ConfigureAwait(false);
        var client = new StoredClient(
            body.ClientId, body.Secret is null ? null : SecretHasher.Hash(body.Secret), body.Roles, body.Claims, body.RedirectUris);
        if (!await store.SaveClientAsync(client, replace: urlClientId is not null, ct).ConfigureAwait(false))
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, "clientId", $"a client '{body.ClientId}' exists; PUT /meta/clients/{body.ClientId} replaces it");
        }

        var saved = (await store.FindClientAsync(body.ClientId, ct).ConfigureAwait(false))!;
        return AdminResults.Client(saved, existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>POST creates (a password is required), 409 if it exists; PUT creates or replaces, keeping an unsent password.</summary>
    private static async Task<IResult> SaveUserAsync(HttpContext http, PrincipalStore store, string? urlUsername, CancellationToken ct)
    {
        var read = await ReadAsync(http, ct).ConfigureAwait(false);
        if (read.Error is not null)
        {
            return read.Error;
        }

        var (body, errors) = UserBody.Parse(read.Bytes, urlUsername);
        if (body is null)
        {
            return AdminResults.Errors(StatusCodes.Status400BadRequest, errors);
        }

        var existing = await store.FindUserAsync(body.Username, ct).ConfigureAwait(false);
        if (existing is null && body.Password is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "password", "a new user needs a password");
        }

        var user = new StoredUser(
            existing?.Id ?? Guid.CreateVersion7(), body.Username, body.Password is null ? "" : SecretHasher.Hash(body.Password), body.Roles,
            body.Claims, body.Disabled);
        if (!await store.SaveUserAsync(user, replace: urlUsername is not null, ct).ConfigureAwait(false))
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, "username", $"a user '{body.Username}' exists; PUT /meta/users/{body.Username} replaces it");
        }

        var saved = (await store.FindUserAsync(body.Username, ct).ConfigureAwait(false))!;
        return AdminResults.User(saved, existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<(byte[] Bytes, IResult? Error)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > JsonBodies.MaxBytes)
        {
            return ([], TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > JsonBodies.MaxBytes)
            {
                return ([], TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? ([], AdminResults.Error(StatusCodes.Status400BadRequest, "", "the request body is empty; send the principal as JSON"))
            : (buffer.ToArray(), null);
    }

    private static IResult TooLarge() =>
        AdminResults.Error(StatusCodes.Status413PayloadTooLarge, "", $"the request body is larger than {JsonBodies.MaxBytes / 1024} KiB");

    private static IResult NoSuchClient(string clientId) =>
        AdminResults.Error(StatusCodes.Status404NotFound, "clientId", $"there is no client '{clientId}'");

    private static IResult NoSuchUser(string username) =>
        AdminResults.Error(StatusCodes.Status404NotFound, "username", $"there is no user '{username}'");
}
