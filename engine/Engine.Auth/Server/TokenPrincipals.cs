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
    /// <summary>
    /// A random id in every principal signed in, so in every authorization code and refresh token made from it (OpenIddict's
    /// degraded mode gives them no id of their own); never in access or identity tokens. Redeeming spends it.
    /// </summary>
    public const string RedemptionIdClaim = "engine_redemption_id";

    /// <summary>
    /// The id of one sign-in's grant, kept by the code and every refresh token rolled from it (like the redemption id,
    /// never in access or identity tokens): replaying a spent code or refresh token revokes the whole grant.
    /// </summary>
    public const string GrantIdClaim = "engine_grant_id";

    /// <summary>A client_credentials principal: <c>sub</c> = the client id (SPEC §6).</summary>
    public static ClaimsPrincipal ForClient(StoredClient client, AuthOptions options, IEnumerable<string> scopes) =>
        Build(client.ClientId, client.ClientId, client.Roles, client.Claims, options, scopes, null);

    /// <summary>
    /// A user's principal: <c>sub</c> = the user's id (SPEC §6), <c>name</c> = the username; <paramref name="grantId"/> is
    /// the grant it continues (a refresh), or null for a new sign-in.
    /// </summary>
    public static ClaimsPrincipal ForUser(StoredUser user, AuthOptions options, IEnumerable<string> scopes, string? grantId = null) =>
        Build(user.Id.ToString(), user.Username, user.Roles, user.Claims, options, scopes, grantId ?? Guid.NewGuid().ToString("N"));

    private static ClaimsPrincipal Build(
        string subject, string name, IReadOnlyList<string> roles, IReadOnlyDictionary<string, string> claims, AuthOptions options,
        IEnumerable<string> scopes, string? grantId)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, options.RoleClaim);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(Claims.Name, name);
        identity.SetClaims(options.RoleClaim, [.. roles]);
        identity.SetClaim(RedemptionIdClaim, Guid.NewGuid().ToString("N"));
        identity.SetClaim(GrantIdClaim, grantId);
        foreach (var (type, value) in claims)
        {
            identity.AddClaim(new Claim(type, value));
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes.ToImmutableArray());
        principal.SetResources(options.Audience);

        // Every claim but the redemption and grant ids goes into the access token; the identity token (authorization_code with openid)
        // repeats who and which roles. Codes and refresh tokens keep every claim.
        var roleClaim = options.RoleClaim;
        principal.SetDestinations(claim => claim.Type is RedemptionIdClaim or GrantIdClaim
            ? []
            : claim.Type == Claims.Name || claim.Type == roleClaim
                ? [Destinations.AccessToken, Destinations.IdentityToken]
                : [Destinations.AccessToken]);
        return principal;
    }
}
