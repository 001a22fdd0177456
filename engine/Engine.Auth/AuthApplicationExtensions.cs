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
    /// <summary>
    /// Rate limits token requests and login attempts, authenticates (OpenIddict answers discovery and JWKS here, bearer
    /// tokens are validated here), refuses bad tokens and non-admin <c>/meta</c> callers, and maps <c>/connect/token</c>,
    /// <c>/connect/authorize</c>, <c>/meta/clients</c> and <c>/meta/users</c>. Call before mapping the other endpoints.
    /// </summary>
    public static WebApplication UseEngineAuth(this WebApplication app)
    {
        app.Use(TokenRequestLimits.CaptureClientIdAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
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
