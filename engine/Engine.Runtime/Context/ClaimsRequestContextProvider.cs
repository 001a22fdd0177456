using System.Security.Claims;
using Engine.Query.Context;
using Microsoft.AspNetCore.Http;

namespace Engine.Runtime.Context;

/// <summary>
/// The default <see cref="IRequestContextProvider"/>: an authenticated user's <c>sub</c>, <c>role</c> claims and other
/// claims, for hosts without the engine's authentication (the host replaces it with the one reading <c>Auth:RoleClaim</c>).
/// An unauthenticated request is <see cref="RequestContext.Anonymous"/>.
/// </summary>
public sealed class ClaimsRequestContextProvider : IRequestContextProvider
{
    /// <inheritdoc/>
    public RequestContext GetContext(HttpContext httpContext) => ContextOf(httpContext.User);

    /// <inheritdoc/>
    public async Task<RequestContext?> AuthenticateAsync(HttpContext httpContext, string token) =>
        await BearerTokenProbe.AuthenticateAsync(httpContext, token).ConfigureAwait(false) is { } user ? ContextOf(user) : null;

    private static RequestContext ContextOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return RequestContext.Anonymous;
        }

        var roles = new List<string>();
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in user.Claims)
        {
            if (claim.Type is "role" or ClaimTypes.Role)
            {
                roles.Add(claim.Value);
            }

            claims.TryAdd(claim.Type, claim.Value);
        }

        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return new RequestContext(subject, roles.Count > 0 ? roles : [RequestContext.AnonymousRole], claims);
    }
}
