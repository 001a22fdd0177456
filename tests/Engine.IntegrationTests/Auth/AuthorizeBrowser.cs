using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// Drives <c>/connect/authorize</c> like a browser that does not follow redirects: opens the login page, submits its form
/// (with credentials, or a consent decision), and reports either the next page or where the engine redirected to.
/// </summary>
internal sealed partial class AuthorizeBrowser(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <summary>One answer of the authorization endpoint: a page with its form, or a redirect.</summary>
    public sealed record Step(HttpStatusCode Status, string Html, Dictionary<string, string> Form, string? Action, Uri? Location)
    {
        /// <summary>The redirect's query parameters (code, state, error).</summary>
        public IDictionary<string, Microsoft.Extensions.Primitives.StringValues> Query =>
            QueryHelpers.ParseQuery(Location?.Query);

        /// <summary>True when the page is the consent page.</summary>
        public bool IsConsent => Html.Contains("name=\"consent_ticket\"", StringComparison.Ordinal);
    }

    /// <summary>A fresh PKCE verifier.</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of <paramref name="verifier"/>.</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>The authorization request URI of a code flow with PKCE.</summary>
    public static string AuthorizeUri(string clientId, string redirectUri, string challenge, string scope = "openid offline_access", string state = "state-1") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    /// <summary>GETs <paramref name="uri"/> (an authorization request).</summary>
    public async Task<Step> OpenAsync(string uri)
    {
        using var response = await http.GetAsync(uri);
        return await ReadAsync(response);
    }

    /// <summary>Submits the form of <paramref name="page"/> with <paramref name="fields"/> set (or replaced).</summary>
    public async Task<Step> SubmitAsync(Step page, IReadOnlyDictionary<string, string> fields)
    {
        Assert.True(page.Action is not null, $"no form on the page ({(int)page.Status}): {page.Html}");
        var form = new Dictionary<string, string>(page.Form);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        using var response = await http.PostAsync(page.Action, new FormUrlEncodedContent(form));
        return await ReadAsync(response);
    }

    /// <summary>Opens the login page, signs in, and approves the consent page if one comes; returns the final step.</summary>
    public async Task<Step> SignInAsync(string authorizeUri, string username, string password, bool approve = true)
    {
        var login = await OpenAsync(authorizeUri);
        Assert.True(login.Status == HttpStatusCode.OK, login.Html);
        Assert.Contains("name=\"password\"", login.Html, StringComparison.Ordinal);
        var next = await SubmitAsync(login, new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        return next.IsConsent ? await SubmitAsync(next, new Dictionary<string, string> { ["consent"] = approve ? "approve" : "deny" }) : next;
    }

    public void Dispose() => http.Dispose();

    private static async Task<Step> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var action = FormAction().Match(html);
        return new Step(response.StatusCode, html, form, action.Success ? WebUtility.HtmlDecode(action.Groups[1].Value) : null, response.Headers.Location);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">")]
    private static partial Regex FormAction();
}
