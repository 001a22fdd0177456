using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Validation;

/// <summary>Requests for the OAuth2 and OpenID endpoints OpenIddict serves or validates: <c>/connect/*</c> and <c>/.well-known/*</c>.</summary>
internal static class OAuthRequests
{
    public static bool Matches(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/connect") || http.Request.Path.StartsWithSegments("/.well-known");
}
