using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Runtime.Context;

/// <summary>
/// Validates a bearer token that arrived inside a protocol rather than in the request's <c>Authorization</c> header (the
/// <c>connection_init</c> payload of a WebSocket): it authenticates a stand-in request carrying the token in that header,
/// so the token goes through exactly the host's bearer validation (issuer, audience, keys, lifetime, validated-token cache).
/// </summary>
public static class BearerTokenProbe
{
    /// <summary>The principal <paramref name="token"/> stands for, or null when it does not validate or the host has no authentication.</summary>
    /// <param name="http">The request the token came with (its host and services are used).</param>
    /// <param name="token">The token, without the <c>Bearer </c> prefix.</param>
    /// <param name="scheme">The authentication scheme; null for the host's default.</param>
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http, string token, string? scheme = null)
    {
        if (http.RequestServices.GetService<IAuthenticationService>() is null)
        {
            return null;
        }

        // A scope of its own: authentication handlers remember their result per request, and the upgrade request's
        // handler already concluded "no token".
        await using var scope = http.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Scheme = http.Request.Scheme;
        probe.Request.Host = http.Request.Host;
        probe.Request.PathBase = http.Request.PathBase;
        probe.Request.Path = http.Request.Path;
        probe.Request.Headers.Authorization = "Bearer " + token;
        var result = await probe.AuthenticateAsync(scheme).ConfigureAwait(false);
        return result.Succeeded && result.Principal?.Identity?.IsAuthenticated == true ? result.Principal : null;
    }
}
