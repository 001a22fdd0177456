using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Engine.Auth.Validation;

/// <summary>
/// Runs after authentication: a request that sent credentials which did not validate (expired, wrong signature,
/// audience or issuer) is refused with <c>UNAUTHENTICATED</c> on every protocol instead of running without them;
/// <c>/meta</c> needs a valid token (401) with the admin role (403).
/// </summary>
internal sealed class AuthGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IRequestContextProvider contexts)
    {
        var path = http.Request.Path;
        var authenticated = http.User.Identity?.IsAuthenticated == true;

        // The OAuth2 endpoints authenticate clients themselves (Basic credentials on /connect/token).
        // A WebSocket upgrade is refused by the WebSocket handler itself, with close code 4403 the client can read.
        var ownCredentials = OAuthRequests.Matches(http) || IsWebSocketUpgrade(http.Request);
        if (!ownCredentials && !authenticated && http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            await UnauthenticatedResponses.WriteAsync(http, "the access token is invalid, expired, or not meant for this engine").ConfigureAwait(false);
            return;
        }

        if (path.StartsWithSegments("/meta"))
        {
            if (!authenticated)
            {
                await UnauthenticatedResponses.WriteAsync(http, "the metadata API needs a bearer token with the admin role").ConfigureAwait(false);
                return;
            }

            if (!contexts.GetContext(http).IsAdmin)
            {
                await UnauthenticatedResponses.WriteAsync(http, "the metadata API is for the admin role only", forbidden: true).ConfigureAwait(false);
                return;
            }
        }

        await next(http).ConfigureAwait(false);
    }

    /// <summary>An HTTP/1.1 upgrade or HTTP/2 extended CONNECT to a WebSocket (this runs before the WebSocket middleware).</summary>
    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase) || HttpMethods.IsConnect(request.Method);
}
