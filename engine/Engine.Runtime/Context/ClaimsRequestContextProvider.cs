using System.Security.Claims;
using Engine.Query.Context;
using Microsoft.AspNetCore.Http;

namespace Engine.Runtime.Context;

/// <summary>
/// The default <see cref="IRequestContextProvider"/>: an authenticated user's <c>sub</c>, <c>role</c> claims and other
/// claims. Until authentication exists (issue 6), an unauthenticated request runs as <see cref="RequestContext.System"/>;
/// issue 6 replaces this provider, and anonymous callers then get the <c>anonymous</c> role.
/// </summary>
public sealed class ClaimsRequestContextProvider : IRequestContextProvider
{
    /// <inheritdoc/>
    public RequestContext GetContext(HttpContext httpContext)
    {
        var user = httpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // TODO(issue 6): anonymous callers get RequestContext.Anonymous once authentication and access rules exist.
            return RequestContext.System;
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
