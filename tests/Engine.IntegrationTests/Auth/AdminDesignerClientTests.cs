using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// The admin designer's built-in client <c>engine-admin-designer</c>: public, authorization_code + PKCE + refresh_token,
/// redirecting only to <c>/admin/callback</c> on the engine's own origin, never asking for consent, not storable.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AdminDesignerClientTests(EngineServer engine)
{
    private const string ClientId = "engine-admin-designer";
    private const string Password = "correct horse battery";

    private string Callback => new Uri(engine.BaseAddress, "/admin/callback").ToString();

    [Fact]
    public async Task AuthorizationCode_OwnOriginCallback_IssuesTokensWithoutConsentAndRefreshes()
    {
        var username = await CreateUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);
        var login = await browser.OpenAsync(AuthorizeBrowser.AuthorizeUri(ClientId, Callback, AuthorizeBrowser.Challenge(verifier)));
        Assert.True(login.Status == HttpStatusCode.OK, login.Html);

        var redirect = await browser.SubmitAsync(login, new Dictionary<string, string> { ["username"] = username, ["password"] = Password });

        Assert.Equal(HttpStatusCode.Found, redirect.Status);
        Assert.StartsWith(Callback, redirect.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("state-1", redirect.Query["state"].ToString());
        var (status, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, ClientId, Callback, redirect.Query["code"].ToString(), verifier);
        Assert.True(status == HttpStatusCode.OK, tokens?.ToJsonString());
        var access = tokens!["access_token"]!.GetValue<string>();
        Assert.Contains(OAuthClient.Read(access).Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", access)).Status);

        var (refreshed, renewed) = await OAuthClient.RefreshAsync(engine.Http, ClientId, tokens["refresh_token"]!.GetValue<string>());
        Assert.True(refreshed == HttpStatusCode.OK, renewed?.ToJsonString());
    }

    [Theory]
    [InlineData("http://attacker.example/admin/callback")]
    [InlineData("http://127.0.0.1:9/admin/callback")]
    [InlineData("/admin/elsewhere")]
    [InlineData("/admin/callback?next=http://attacker.example")]
    public async Task Authorize_OtherRedirectUri_IsRefused(string redirectUri)
    {
        var absolute = redirectUri.StartsWith('/') ? new Uri(engine.BaseAddress, redirectUri).ToString() : redirectUri;
        using var browser = new AuthorizeBrowser(engine.BaseAddress);

        var step = await browser.OpenAsync(AuthorizeBrowser.AuthorizeUri(ClientId, absolute, AuthorizeBrowser.Challenge(AuthorizeBrowser.NewVerifier())));

        Assert.Equal(HttpStatusCode.BadRequest, step.Status);
        Assert.Null(step.Location);
    }

    [Fact]
    public async Task Token_ClientCredentials_IsInvalidClient()
    {
        var (status, body) = await OAuthClient.ClientCredentialsAsync(engine.Http, ClientId, "any-secret-at-all");

        Assert.Contains(status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clients_PostDesignerId_Returns400()
    {
        var (status, body) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Post, "/meta/clients", AdminToken,
            $$"""{"clientId":"{{ClientId}}","redirectUris":["http://attacker.example/admin/callback"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("clientId", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    private string AdminToken => engine.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    private async Task<string> CreateUserAsync()
    {
        var username = TokenValidationTests.UniqueClientId("admin");
        var (status, body) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Post, "/meta/users", AdminToken,
            $$"""{"username":"{{username}}","password":"{{Password}}","roles":["admin"]}""");
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        return username;
    }
}
