using Engine.MetadataStore.Principals;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace Engine.Auth.Server;

/// <summary>
/// The consent page shown after a successful login to a client not approved before: it names the client, the scopes it
/// asks for and the roles its tokens will carry, and posts back the request with a <see cref="ConsentTicket"/> and the
/// decision (<c>approve</c> or <c>deny</c>).
/// </summary>
internal static class ConsentPage
{
    public static IResult Render(HttpContext http, OpenIddictRequest request, StoredUser user, string ticket)
    {
        var encoder = AuthorizePageHtml.Encoder;
        var html = AuthorizePageHtml.Begin("Allow access?", null);
        html.Append("<p>The application <strong id=\"client\">").Append(encoder.Encode(request.ClientId ?? "")).Append("</strong> asks to act as <strong>")
            .Append(encoder.Encode(user.Username)).Append("</strong>.</p>");
        AppendList(html, "scopes", "Scopes", request.GetScopes());
        AppendList(html, "roles", "With your roles", user.Roles);
        AuthorizePageHtml.BeginForm(html, http, request);
        AuthorizePageHtml.Hidden(html, ConsentTicket.Parameter, ticket);
        html.Append("<button type=\"submit\" name=\"").Append(ConsentTicket.DecisionParameter).Append("\" value=\"").Append(ConsentTicket.Approve)
            .Append("\">Allow</button>")
            .Append("<button type=\"submit\" name=\"").Append(ConsentTicket.DecisionParameter).Append("\" value=\"deny\">Deny</button></form>");
        return AuthorizePageHtml.Send(http, html, StatusCodes.Status200OK);
    }

    private static void AppendList(System.Text.StringBuilder html, string id, string heading, IEnumerable<string> items)
    {
        var encoder = AuthorizePageHtml.Encoder;
        html.Append("<h2>").Append(encoder.Encode(heading)).Append("</h2><ul id=\"").Append(id).Append("\">");
        var any = false;
        foreach (var item in items)
        {
            html.Append("<li>").Append(encoder.Encode(item)).Append("</li>");
            any = true;
        }

        html.Append(any ? "</ul>" : "<li>none</li></ul>");
    }
}
