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
/// client_credentials, and for authorization_code and refresh_token re-reads the user, so a disabled or deleted user
/// gets no new tokens and role changes take effect at the next refresh.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, PrincipalStore principals, IOptions<AuthOptions> options)
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
            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var user = Guid.TryParse(subject, out var id)
                ? await principals.FindUserAsync(id, cancellationToken).ConfigureAwait(false)
                : null;
            if (user is null || user.Disabled)
            {
                return Refuse(Errors.InvalidGrant, "the user no longer exists or is disabled");
            }

            return SignIn(TokenPrincipals.ForUser(user, options.Value, granted.Principal!.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "the grant type is not supported");
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
