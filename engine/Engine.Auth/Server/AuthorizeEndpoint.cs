using Engine.Auth.Hashing;
using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Engine.Auth.Server;

/// <summary>
/// <c>GET|POST /connect/authorize</c> after OpenIddict validated the client, redirect URI and PKCE parameters: shows the
/// login form, and on correct credentials of an enabled user issues the authorization code. Consent is implicit:
/// every client is registered by an admin, so all are first-party.
/// </summary>
internal static class AuthorizeEndpoint
{
    private const string Failed = "The username or password is wrong, or the user is disabled.";

    public static async Task<IResult> HandleAsync(HttpContext http, PrincipalStore principals, IOptions<AuthOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not attach the authorization request");
        if (!HttpMethods.IsPost(http.Request.Method) || request.Username is null || request.Password is null)
        {
            return LoginPage.Render(http, request, null);
        }

        var user = await principals.FindUserAsync(request.Username, http.RequestAborted).ConfigureAwait(false);
        var verified = SecretHasher.Verify(user?.PasswordHash, request.Password);
        if (user is null || !verified || user.Disabled)
        {
            return LoginPage.Render(http, request, Failed);
        }

        return Results.SignIn(
            TokenPrincipals.ForUser(user, options.Value, request.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
