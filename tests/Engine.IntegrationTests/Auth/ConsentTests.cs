using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// The consent page of third-party clients: it names the client, scopes and roles; deny redirects with
/// <c>access_denied</c>; approval is remembered per (user, client) and asked again only for new scopes; a consent form
/// whose ticket does not match the request gets no code.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ConsentTests(EngineServer engine)
{
    private const string RedirectUri = "http://127.0.0.1:9/consent-callback";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Login_ThirdPartyClient_ShowsConsentNamingClientScopesAndRoles()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);

        var consent = await LogInAsync(browser, clientId, username);

        Assert.Equal(HttpStatusCode.OK, consent.Status);
        Assert.True(consent.IsConsent, consent.Html);
        Assert.Contains($"<strong id=\"client\">{clientId}</strong>", consent.Html, StringComparison.Ordinal);
        Assert.Contains("<li>offline_access</li>", consent.Html, StringComparison.Ordinal);
        Assert.Contains("<li>editor</li>", consent.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", consent.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, consent.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_Denied_RedirectsWithAccessDeniedAndState()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);

        var step = await browser.SubmitAsync(await LogInAsync(browser, clientId, username), new Dictionary<string, string> { ["consent"] = "deny" });

        Assert.Equal(HttpStatusCode.Found, step.Status);
        Assert.StartsWith(RedirectUri, step.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("access_denied", step.Query["error"].ToString());
        Assert.Equal("state-1", step.Query["state"].ToString());
        Assert.False(step.Query.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_Approved_IsNotAskedAgainForTheSameScopes()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);
        var first = await browser.SignInAsync(Authorize(clientId), username, Password);
        Assert.Equal(HttpStatusCode.Found, first.Status);

        var again = await LogInAsync(browser, clientId, username);

        Assert.Equal(HttpStatusCode.Found, again.Status);
        Assert.False(string.IsNullOrEmpty(again.Query["code"].ToString()));
    }

    [Fact]
    public async Task Consent_NewScopeRequested_IsAskedAgain()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);
        await browser.SignInAsync(Authorize(clientId, "openid"), username, Password);

        var again = await LogInAsync(browser, clientId, username, "openid offline_access");

        Assert.True(again.IsConsent, again.Html);
    }

    [Theory]
    [InlineData("scope", "openid offline_access roles")]
    [InlineData("redirect_uri", "http://127.0.0.1:9/elsewhere")]
    [InlineData("consent_ticket", "00000000000000000000000000000000.99999999999.AAAA")]
    public async Task Consent_FormAltered_GetsNoCode(string field, string value)
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);
        var consent = await LogInAsync(browser, clientId, username);

        var step = await browser.SubmitAsync(consent, new Dictionary<string, string> { [field] = value, ["consent"] = "approve" });

        Assert.NotEqual(HttpStatusCode.Found, step.Status);
        Assert.Null(step.Location);
    }

    private async Task<AuthorizeBrowser.Step> LogInAsync(AuthorizeBrowser browser, string clientId, string username, string scope = "openid offline_access")
    {
        var login = await browser.OpenAsync(Authorize(clientId, scope));
        return await browser.SubmitAsync(login, new Dictionary<string, string> { ["username"] = username, ["password"] = Password });
    }

    private static string Authorize(string clientId, string scope = "openid offline_access") =>
        AuthorizeBrowser.AuthorizeUri(clientId, RedirectUri, AuthorizeBrowser.Challenge(AuthorizeBrowser.NewVerifier()), scope);

    private Task<(string ClientId, string Username)> CreateClientAndUserAsync() =>
        OAuthClient.CreateClientAndUserAsync(engine.Http, engine.Http.DefaultRequestHeaders.Authorization!.Parameter!, RedirectUri, Password);
}
