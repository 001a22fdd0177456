using System.Text.Json;

namespace Engine.Auth.Admin;

/// <summary>
/// A posted client: <c>{"clientId","secret","roles","claims","redirectUris"}</c>. The secret is write-only; a client
/// without one is public and may only use authorization_code with PKCE from its redirect URIs.
/// </summary>
internal sealed record ClientBody(
    string ClientId, string? Secret, string[] Roles, Dictionary<string, string> Claims, string[] RedirectUris)
{
    /// <summary>The shortest secret accepted: long enough that guessing it under the rate limit is hopeless.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Parses <paramref name="json"/>; <paramref name="urlClientId"/> (PUT) must agree with the body's id when both are given.</summary>
    public static (ClientBody? Body, List<BodyError> Errors) Parse(byte[] json, string? urlClientId)
    {
        var errors = new List<BodyError>();
        if (!JsonBodies.TryParseObject(json, errors, out var body))
        {
            return (null, errors);
        }

        var clientId = PrincipalJson.String(body, "clientId", errors) ?? urlClientId;
        if (urlClientId is not null && !string.Equals(clientId, urlClientId, StringComparison.Ordinal))
        {
            errors.Add(new BodyError("clientId", $"the body names '{clientId}' but the URL names '{urlClientId}'; they must be the same"));
        }
        else if (PrincipalJson.CheckName(clientId, "clientId") is { } problem)
        {
            errors.Add(new BodyError("clientId", problem));
        }
        else if (clientId == AuthOptions.AdminDesignerClientId)
        {
            errors.Add(new BodyError("clientId", $"'{clientId}' is the admin designer's built-in client and cannot be stored"));
        }

        var secret = PrincipalJson.String(body, "secret", errors);
        if (secret is not null && secret.Length < MinSecretLength)
        {
            errors.Add(new BodyError("secret", $"a secret has at least {MinSecretLength} characters"));
        }

        var roles = PrincipalJson.Roles(body, errors);
        var claims = PrincipalJson.Claims(body, errors);
        var redirectUris = PrincipalJson.Strings(body, "redirectUris", CheckRedirectUri, errors);
        return errors.Count > 0 ? (null, errors) : (new ClientBody(clientId!, secret, roles, claims, redirectUris), errors);
    }

    private static string? CheckRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Fragment)
            ? null
            : "a redirect URI is an absolute http(s) URL without a fragment";
}
