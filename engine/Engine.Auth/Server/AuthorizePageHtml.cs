using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth.Server;

/// <summary>
/// What the login and consent pages share: the page frame, the authorization request's parameters carried as hidden
/// fields (the pages keep no session), and headers that keep a page taking credentials out of caches and frames.
/// </summary>
internal static class AuthorizePageHtml
{
    /// <summary>Parameters that are never echoed back into a page: the credentials and the consent step's own fields.</summary>
    private static readonly HashSet<string> NotCarried =
        [Parameters.Username, Parameters.Password, ConsentTicket.Parameter, ConsentTicket.DecisionParameter];

    public static HtmlEncoder Encoder => HtmlEncoder.Default;

    /// <summary>Starts a page titled <paramref name="title"/>, with <paramref name="error"/> as an alert when given.</summary>
    public static StringBuilder Begin(string title, string? error)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encoder.Encode(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}")
            .Append(".error{color:#b00020}</style></head><body><h1>").Append(Encoder.Encode(title)).Append("</h1>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(Encoder.Encode(error)).Append("</p>");
        }

        return html;
    }

    /// <summary>Opens the form that posts back to the authorization endpoint, carrying the request's parameters.</summary>
    public static void BeginForm(StringBuilder html, HttpContext http, OpenIddictRequest request)
    {
        html.Append("<form method=\"post\" action=\"").Append(Encoder.Encode(http.Request.PathBase + http.Request.Path)).Append("\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (NotCarried.Contains(name))
            {
                continue;
            }

            foreach (var item in (StringValues)value)
            {
                Hidden(html, name, item ?? "");
            }
        }
    }

    /// <summary>A hidden form field.</summary>
    public static void Hidden(StringBuilder html, string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(Encoder.Encode(name)).Append("\" value=\"").Append(Encoder.Encode(value)).Append("\">");

    /// <summary>Sends the page: not cacheable and not frameable, as it takes credentials or a decision.</summary>
    public static IResult Send(HttpContext http, StringBuilder html, int status)
    {
        html.Append("</body></html>");
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
