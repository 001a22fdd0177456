using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Engine.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// The admin designer's sign-in, driven over HTTP like a browser: authorize → login form → credentials → redirect with
/// a code → token (PKCE) → refresh; and what a disabled user gets.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class AuthorizationCodeFlowTests(EngineServer engine)
{
    private const string RedirectUri = "http://127.0.0.1:9/callback";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AuthorizationCode_LoginCodeTokenRefresh_Succeeds()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

        var code = await SignInAsync(clientId, username, Password, verifier);
        Assert.NotNull(code);

        var (status, tokens) = await OAuthClient.TokenAsync(engine.Http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });
        Assert.True(status == HttpStatusCode.OK, tokens?.ToJsonString());
        var access = tokens!["access_token"]!.GetValue<string>();
        var userId = (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, $"/meta/users/{username}", AdminToken)).Body!["id"]!.GetValue<string>();
        Assert.Equal(userId, OAuthClient.Read(access).Subject);
        Assert.Contains(OAuthClient.Read(access).Claims, c => c.Type == "role" && c.Value == "editor");
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GraphQLAsync(engine.Http, access)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", access)).Status);

        var (refreshed, renewed) = await RefreshAsync(clientId, tokens["refresh_token"]!.GetValue<string>());
        Assert.True(refreshed == HttpStatusCode.OK, renewed?.ToJsonString());
        Assert.Equal(userId, OAuthClient.Read(renewed!["access_token"]!.GetValue<string>()).Subject);
    }

    [Fact]
    public async Task AuthorizationCode_WrongVerifier_IsRefused()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var code = await SignInAsync(clientId, username, Password, Base64Url(RandomNumberGenerator.GetBytes(32)));

        var (status, body) = await OAuthClient.TokenAsync(engine.Http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = Base64Url(RandomNumberGenerator.GetBytes(32)),
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsFormAgainWithoutCode()
    {
        var (clientId, username) = await CreateClientAndUserAsync();

        Assert.Null(await SignInAsync(clientId, username, "not the password", Base64Url(RandomNumberGenerator.GetBytes(32))));
    }

    [Fact]
    public async Task Login_DisabledUser_FailsAndRefreshIsRefused()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var code = await SignInAsync(clientId, username, Password, verifier);
        var (_, tokens) = await OAuthClient.TokenAsync(engine.Http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });

        var (disabled, _) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Put, $"/meta/users/{username}", AdminToken,
            """{"roles":["editor"],"disabled":true}""");
        Assert.Equal(HttpStatusCode.OK, disabled);

        Assert.Null(await SignInAsync(clientId, username, Password, Base64Url(RandomNumberGenerator.GetBytes(32))));
        var (refreshed, body) = await RefreshAsync(clientId, tokens!["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refreshed);
        Assert.Equal("invalid_grant", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_IsRefused()
    {
        var (clientId, _) = await CreateClientAndUserAsync();
        using var http = NoRedirects();

        using var response = await http.GetAsync(AuthorizeUri(clientId, "http://attacker.example/cb", "challenge-challenge-challenge-challenge-123"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private string AdminToken => engine.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>Drives the login page; returns the code from the redirect, or null when the form came back instead.</summary>
    private async Task<string?> SignInAsync(string clientId, string username, string password, string verifier)
    {
        using var http = NoRedirects();
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var page = await http.GetAsync(AuthorizeUri(clientId, RedirectUri, challenge));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);

        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(challenge, form["code_challenge"]);
        form["username"] = username;
        form["password"] = password;
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        using var posted = await http.PostAsync(action, new FormUrlEncodedContent(form));
        if (posted.StatusCode != HttpStatusCode.Found)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
            Assert.Contains("role=\"alert\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return null;
        }

        var location = posted.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    private Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonObject? Body)> RefreshAsync(string clientId, string refreshToken) =>
        OAuthClient.TokenAsync(engine.Http, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        });

    private async Task<(string ClientId, string Username)> CreateClientAndUserAsync()
    {
        var clientId = TokenValidationTests.UniqueClientId("designer");
        var username = TokenValidationTests.UniqueClientId("user");
        var (client, clientBody) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Post, "/meta/clients", AdminToken,
            $$"""{"clientId":"{{clientId}}","redirectUris":["{{RedirectUri}}"]}""");
        Assert.True(client == HttpStatusCode.Created, clientBody?.ToJsonString());
        var (user, userBody) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Post, "/meta/users", AdminToken,
            $$"""{"username":"{{username}}","password":"{{Password}}","roles":["editor"]}""");
        Assert.True(user == HttpStatusCode.Created, userBody?.ToJsonString());
        return (clientId, username);
    }

    private string AuthorizeUri(string clientId, string redirectUri, string challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid offline_access",
            ["state"] = "state-1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = engine.BaseAddress };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">")]
    private static partial Regex FormAction();
}
