using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth.Server;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict validated the request and the client: issues the access token for
/// client_credentials, and for authorization_code and refresh_token spends the code or refresh token (each is
/// single-use: a second redemption, on any pod, is <c>invalid_grant</c> and revokes the grant, i.e. every refresh token
/// rolled from the same sign-in) and re-reads the user, so a disabled or deleted user gets no new tokens and role changes
/// take effect at the next refresh.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, PrincipalStore principals, RedeemedTokenStore redeemed, IOptions<AuthOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not attach the token request");
        var cancellationToken = http.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            // The validator already authenticated the client; it is read again here for its roles and claims.
            var client = await principals.FindClientAsync(request.ClientId!, cancellationToken).ConfigureAwait(false);
            return client is null
                ? Refuse(Errors.InvalidClient, "the client no longer exists")
                : SignIn(TokenPrincipals.ForClient(client, options.Value, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            var grantId = granted.Principal?.GetClaim(TokenPrincipals.GrantIdClaim);
            if (await SpendAsync(granted.Principal, grantId, redeemed, options.Value, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = Guid.TryParse(subject, out var id)
                ? await principals.FindUserAsync(id, cancellationToken).ConfigureAwait(false)
                : null;
            if (user is null || user.Disabled)
            {
                return Refuse(Errors.InvalidGrant, "the user no longer exists or is disabled");
            }

            return SignIn(TokenPrincipals.ForUser(user, options.Value, granted.Principal!.GetScopes(), grantId));
        }

        return Refuse(Errors.UnsupportedGrantType, "the grant type is not supported");
    }

    /// <summary>
    /// Spends the code or refresh token: null when this is its first redemption and its grant is not revoked; otherwise
    /// the refusal. A replay revokes the grant (OAuth 2.0 Security BCP): whoever holds a copy of a spent token, the thief
    /// or the client, gets nothing more from that sign-in.
    /// </summary>
    private static async Task<IResult?> SpendAsync(
        System.Security.Claims.ClaimsPrincipal? granted, string? grantId, RedeemedTokenStore redeemed, AuthOptions options,
        CancellationToken cancellationToken)
    {
        var tokenId = granted?.GetClaim(TokenPrincipals.RedemptionIdClaim);
        var expires = granted?.GetExpirationDate();
        if (tokenId is null || grantId is null || expires is null)
        {
            return Refuse(Errors.InvalidGrant, "the authorization code or refresh token was not issued by this engine's current version");
        }

        if (await redeemed.IsGrantRevokedAsync(grantId, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(Errors.InvalidGrant, "the grant was revoked because one of its tokens was used twice; sign in again");
        }

        if (!await redeemed.TryRedeemAsync(tokenId, expires.Value, cancellationToken).ConfigureAwait(false))
        {
            await redeemed.RevokeGrantAsync(grantId, DateTimeOffset.UtcNow.AddDays(options.RefreshTokenDays), cancellationToken).ConfigureAwait(false);
            return Refuse(Errors.InvalidGrant, "the authorization code or refresh token has already been used; its grant is now revoked");
        }

        return null;
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
