using System.Collections.Immutable;
using System.Security.Claims;
using Engine.MetadataStore.Principals;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth.Server;

/// <summary>Builds the principal a token is issued for: <c>sub</c>, <c>name</c>, the roles and the claims of a client or user.</summary>
internal static class TokenPrincipals
{
    /// <summary>A client_credentials principal: <c>sub</c> = the client id (SPEC §6).</summary>
    public static ClaimsPrincipal ForClient(StoredClient client, AuthOptions options, IEnumerable<string> scopes) =>
        Build(client.ClientId, client.ClientId, client.Roles, client.Claims, options, scopes);

    /// <summary>A user's principal: <c>sub</c> = the user's id (SPEC §6), <c>name</c> = the username.</summary>
    public static ClaimsPrincipal ForUser(StoredUser user, AuthOptions options, IEnumerable<string> scopes) =>
        Build(user.Id.ToString(), user.Username, user.Roles, user.Claims, options, scopes);

    private static ClaimsPrincipal Build(
        string subject, string name, IReadOnlyList<string> roles, IReadOnlyDictionary<string, string> claims, AuthOptions options,
        IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, options.RoleClaim);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, name);
        identity.SetClaims(options.RoleClaim, [.. roles]);
        foreach (var (type, value) in claims)
        {
            identity.AddClaim(new Claim(type, value));
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes.ToImmutableArray());
        principal.SetResources(options.Audience);

        // Every claim goes into the access token; the identity token (authorization_code with openid) repeats who and which roles.
        var roleClaim = options.RoleClaim;
        principal.SetDestinations(claim => claim.Type == Claims.Name || claim.Type == roleClaim
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return principal;
    }
}
