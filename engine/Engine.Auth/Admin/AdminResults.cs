using System.Text.Json;
using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Admin;

/// <summary>The admin endpoints' JSON answers: clients and users without their secrets, and <c>{"errors":[{"path","message"}]}</c>.</summary>
internal static class AdminResults
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IResult Client(StoredClient client, int status = StatusCodes.Status200OK) =>
        Results.Json(ClientView(client), Options, statusCode: status);

    public static IResult Clients(IEnumerable<StoredClient> clients) =>
        Results.Json(new { clients = clients.Select(ClientView) }, Options);

    public static IResult User(StoredUser user, int status = StatusCodes.Status200OK) =>
        Results.Json(UserView(user), Options, statusCode: status);

    public static IResult Users(IEnumerable<StoredUser> users) =>
        Results.Json(new { users = users.Select(UserView) }, Options);

    public static IResult Errors(int status, IEnumerable<BodyError> errors) =>
        Results.Json(new { errors = errors.Select(e => new { path = e.Path, message = e.Message }) }, Options, statusCode: status);

    public static IResult Error(int status, string path, string message) => Errors(status, [new BodyError(path, message)]);

    private static object ClientView(StoredClient client) => new
    {
        clientId = client.ClientId,
        roles = client.Roles,
        claims = client.Claims,
        redirectUris = client.RedirectUris,
        isPublic = client.SecretHash is null,
    };

    private static object UserView(StoredUser user) => new
    {
        id = user.Id,
        username = user.Username,
        roles = user.Roles,
        claims = user.Claims,
        disabled = user.Disabled,
    };
}
