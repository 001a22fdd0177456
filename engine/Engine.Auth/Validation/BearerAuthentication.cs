using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engine.Auth.Validation;

/// <summary>
/// Authenticates every request that is not for an OAuth2 endpoint (those get ASP.NET Core's authentication middleware, see
/// <see cref="AuthApplicationExtensions.UseEngineAuth"/>): a request without an <c>Authorization</c> header stays anonymous
/// at no cost; a bearer token that validated before is taken from <see cref="ValidatedTokenCache"/> without creating the
/// JwtBearer handler; any other credentials go through the default scheme exactly as the standard middleware would.
/// </summary>
internal sealed class BearerAuthentication(RequestDelegate next, ValidatedTokenCache tokens, ActiveUserCheck users)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!OAuthRequests.Matches(http) && http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            if (await RememberedAsync(http).ConfigureAwait(false) is { } remembered)
            {
                http.User = remembered;
            }
            else if ((await http.AuthenticateAsync().ConfigureAwait(false)).Principal is { } principal)
            {
                http.User = principal;
            }
        }

        await next(http).ConfigureAwait(false);
    }

    /// <summary>The principal of a remembered token whose user is still active; null sends the request the long way.</summary>
    private async ValueTask<ClaimsPrincipal?> RememberedAsync(HttpContext http) =>
        tokens.Find(http.Request) is { } principal && await users.IsActiveAsync(principal, http.RequestAborted).ConfigureAwait(false)
            ? principal
            : null;
}
