using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace Engine.Auth.Server;

/// <summary>
/// The login form of the authorization endpoint: it posts the authorization request's own parameters back to
/// <c>/connect/authorize</c> with the username and password, so no session cookie is needed between the two steps.
/// </summary>
internal static class LoginPage
{
    public static IResult Render(HttpContext http, OpenIddictRequest request, string? error)
    {
        var encoder = AuthorizePageHtml.Encoder;
        var html = AuthorizePageHtml.Begin("Sign in", error);
        AuthorizePageHtml.BeginForm(html, http, request);
        html.Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"")
            .Append(encoder.Encode(request.Username ?? "")).Append("\">")
            .Append("<label for=\"password\">Password</label>")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
            .Append("<button type=\"submit\">Sign in</button></form>");
        return AuthorizePageHtml.Send(http, html, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
