using Engine.Auth.Admin;
using Engine.Auth.RateLimiting;
using Engine.Auth.Server;
using Engine.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Engine.Auth;

/// <summary>Adds authentication to the request pipeline and maps the OAuth2 and principal endpoints.</summary>
public static class AuthApplicationExtensions
{
    /// <summary>The key <c>UseAuthentication</c> sets in the builder's properties; ASP.NET Core's own constant is private.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Rate limits token requests and login attempts, authenticates (OpenIddict answers discovery and JWKS here, bearer
    /// tokens are validated here), refuses bad tokens and non-admin <c>/meta</c> callers, and maps <c>/connect/token</c>,
    /// <c>/connect/authorize</c>, <c>/meta/clients</c> and <c>/meta/users</c>. Call before mapping the other endpoints.
    /// </summary>
    public static WebApplication UseEngineAuth(this WebApplication app)
    {
        // Only OAuth2 requests need the limiter and ASP.NET Core's authentication middleware, which runs OpenIddict's
        // request handler and resolves the JwtBearer handler from the request's services on every request (docs/benchmarks.md:
        // a sizeable share of a by-id read); every other request is authenticated by BearerAuthentication.
        app.UseWhen(OAuthRequests.Matches, oauth =>
        {
            oauth.Use(TokenRequestLimits.CaptureClientIdAsync);
            oauth.UseRateLimiter();
            oauth.UseAuthentication();
        });

        // Without this mark WebApplication adds UseAuthentication() at the front of the pipeline for every request, because the
        // branch's mark stays in the branch's own copy of the properties.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseMiddleware<BearerAuthentication>();
        app.UseMiddleware<AuthGate>();
        MapEndpoints(app);
        return app;
    }

    private static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", TokenEndpoint.HandleAsync);
        endpoints.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync);
        PrincipalEndpoints.Map(endpoints);
    }
}
