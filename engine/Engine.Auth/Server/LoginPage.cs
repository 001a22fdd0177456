using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth.Server;

/// <summary>
/// The login form of the authorization endpoint: it posts the authorization request's own parameters back to
/// <c>/connect/authorize</c> with the username and password, so no session cookie is needed between the two steps.
/// </summary>
internal static class LoginPage
{
    public static IResult Render(HttpContext http, OpenIddictRequest request, string? error)
    {
        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title>")
            .Append("<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}")
            .Append(".error{color:#b00020}</style></head><body><h1>Sign in</h1>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(encoder.Encode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(encoder.Encode(http.Request.PathBase + http.Request.Path)).Append("\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is Parameters.Username or Parameters.Password)
            {
                continue;
            }

            foreach (var item in (Microsoft.Extensions.Primitives.StringValues)value)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(encoder.Encode(name))
                    .Append("\" value=\"").Append(encoder.Encode(item ?? "")).Append("\">");
            }
        }

        html.Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"")
            .Append(encoder.Encode(request.Username ?? "")).Append("\">")
            .Append("<label for=\"password\">Password</label>")
            .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
            .Append("<button type=\"submit\">Sign in</button></form></body></html>");

        // Not cacheable and not frameable: the page takes credentials.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8,
            error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
