using Engine.Query.Context;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Validation;

/// <summary>
/// The caller of a request with a validated bearer token: its <c>sub</c>, its roles from the configured role claim
/// (<c>Auth:RoleClaim</c>) and every claim. A request without a token still runs as <see cref="RequestContext.System"/>
/// on the data endpoints until access rules exist (issue 6, access-rule enforcement).
/// </summary>
public sealed class AuthRequestContextProvider(IOptions<AuthOptions> options) : IRequestContextProvider
{
    /// <inheritdoc/>
    public RequestContext GetContext(HttpContext httpContext)
    {
        var user = httpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // TODO(issue 6): RequestContext.Anonymous once access rules are enforced; /meta already refuses such callers (AuthGate).
            return RequestContext.System;
        }

        var roleClaim = options.Value.RoleClaim;
        var roles = new List<string>();
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in user.Claims)
        {
            if (claim.Type == roleClaim)
            {
                roles.Add(claim.Value);
            }

            claims.TryAdd(claim.Type, claim.Value);
        }

        return new RequestContext(user.FindFirst("sub")?.Value, roles.Count > 0 ? roles : [RequestContext.AnonymousRole], claims);
    }
}
