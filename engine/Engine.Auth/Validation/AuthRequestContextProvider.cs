using System.Runtime.CompilerServices;
using System.Security.Claims;
using Engine.Query.Context;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Validation;

/// <summary>
/// The caller of a request with a validated bearer token: its <c>sub</c>, its roles from the configured role claim
/// (<c>Auth:RoleClaim</c>) and every claim. A request without a token is <see cref="RequestContext.Anonymous"/>, which
/// may do only what resources grant the <c>anonymous</c> role (SPEC §6).
/// </summary>
public sealed class AuthRequestContextProvider(IOptions<AuthOptions> options) : IRequestContextProvider
{
    /// <summary>
    /// The context of each principal, built once: a remembered token (<see cref="ValidatedTokenCache"/>) hands every request the
    /// same principal, so its roles and claims are not collected again per request.
    /// </summary>
    private readonly ConditionalWeakTable<ClaimsPrincipal, RequestContext> contexts = new();

    /// <inheritdoc/>
    public RequestContext GetContext(HttpContext httpContext) =>
        httpContext.User.Identity?.IsAuthenticated == true ? contexts.GetValue(httpContext.User, ContextOf) : RequestContext.Anonymous;

    /// <inheritdoc/>
    public async Task<RequestContext?> AuthenticateAsync(HttpContext httpContext, string token) =>
        await BearerTokenProbe.AuthenticateAsync(httpContext, token, JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false) is { } user
            ? ContextOf(user)
            : null;

    private RequestContext ContextOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return RequestContext.Anonymous;
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
