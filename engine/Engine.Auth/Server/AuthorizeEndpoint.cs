using Engine.Auth.Hashing;
using Engine.Auth.Keys;
using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth.Server;

/// <summary>
/// <c>GET|POST /connect/authorize</c> after OpenIddict validated the client, redirect URI and PKCE parameters: shows the
/// login form; on correct credentials of an enabled user either issues the authorization code (a first-party client, or
/// consent given before for these scopes) or shows the consent page, whose answer issues the code or redirects with
/// <c>error=access_denied</c>.
/// </summary>
internal static class AuthorizeEndpoint
{
    private const string Failed = "The username or password is wrong, or the user is disabled.";
    private const string Expired = "The consent form expired or was altered; sign in again.";

    public static async Task<IResult> HandleAsync(
        HttpContext http, PrincipalStore principals, ConsentStore consents, KeyRing ring, TimeProvider time, IOptions<AuthOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not attach the authorization request");
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return LoginPage.Render(http, request, null);
        }

        var cancellationToken = http.RequestAborted;
        if ((string?)request[ConsentTicket.Parameter] is { } ticket)
        {
            return await DecideAsync(http, request, ticket, principals, consents, ring, time, options.Value).ConfigureAwait(false);
        }

        if (request.Username is null || request.Password is null)
        {
            return LoginPage.Render(http, request, null);
        }

        var user = await principals.FindUserAsync(request.Username, cancellationToken).ConfigureAwait(false);
        var verified = SecretHasher.Verify(user?.PasswordHash, request.Password);
        if (user is null || !verified || user.Disabled)
        {
            return LoginPage.Render(http, request, Failed);
        }

        if (ClientDirectory.IsFirstParty(request.ClientId)
            || await consents.FindAsync(user.Id, request.ClientId!, cancellationToken).ConfigureAwait(false) is { } granted
                && request.GetScopes().All(granted.Contains))
        {
            return SignIn(user, request, options.Value);
        }

        return ConsentPage.Render(http, request, user, ConsentTicket.Issue(ring.ConsentKey, user.Id, request, time.GetUtcNow()));
    }

    /// <summary>The consent page's answer: the ticket must be this request's and fresh, and the user still enabled.</summary>
    private static async Task<IResult> DecideAsync(
        HttpContext http, OpenIddictRequest request, string ticket, PrincipalStore principals, ConsentStore consents, KeyRing ring,
        TimeProvider time, AuthOptions options)
    {
        var cancellationToken = http.RequestAborted;
        var userId = ConsentTicket.Verify(ring.ConsentKey, ticket, request, time.GetUtcNow());
        var user = userId is { } id ? await principals.FindUserAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (user is null || user.Disabled)
        {
            return LoginPage.Render(http, request, userId is null ? Expired : Failed);
        }

        if (!string.Equals((string?)request[ConsentTicket.DecisionParameter], ConsentTicket.Approve, StringComparison.Ordinal))
        {
            // OpenIddict turns this into a redirect to the client with error=access_denied and the request's state.
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "the user denied the client access",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        await consents.GrantAsync(user.Id, request.ClientId!, [.. request.GetScopes()], cancellationToken).ConfigureAwait(false);
        return SignIn(user, request, options);
    }

    private static IResult SignIn(StoredUser user, OpenIddictRequest request, AuthOptions options) =>
        Results.SignIn(
            TokenPrincipals.ForUser(user, options, request.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
