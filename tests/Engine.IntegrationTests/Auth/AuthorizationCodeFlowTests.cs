using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// A third-party client's sign-in, driven over HTTP like a browser: authorize → login form → consent → redirect with a
/// code → token (PKCE) → refresh; single-use codes and refresh tokens; what a disabled user gets.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AuthorizationCodeFlowTests(EngineServer engine)
{
    private const string RedirectUri = "http://127.0.0.1:9/callback";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AuthorizationCode_LoginConsentCodeTokenRefresh_Succeeds()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();

        var code = await SignInAsync(clientId, username, Password, verifier);
        Assert.NotNull(code);

        var (status, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);
        Assert.True(status == HttpStatusCode.OK, tokens?.ToJsonString());
        var access = tokens!["access_token"]!.GetValue<string>();
        var userId = (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, $"/meta/users/{username}", AdminToken)).Body!["id"]!.GetValue<string>();
        Assert.Equal(userId, OAuthClient.Read(access).Subject);
        Assert.Contains(OAuthClient.Read(access).Claims, c => c.Type == "role" && c.Value == "editor");
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GraphQLAsync(engine.Http, access)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", access)).Status);

        var (refreshed, renewed) = await OAuthClient.RefreshAsync(engine.Http, clientId, tokens["refresh_token"]!.GetValue<string>());
        Assert.True(refreshed == HttpStatusCode.OK, renewed?.ToJsonString());
        Assert.Equal(userId, OAuthClient.Read(renewed!["access_token"]!.GetValue<string>()).Subject);
    }

    [Fact]
    public async Task AuthorizationCode_RedeemedTwice_SecondIsInvalidGrantAndRevokesTheRefreshToken()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();
        var code = await SignInAsync(clientId, username, Password, verifier);

        var (first, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);
        var (second, body) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);
        var (refreshed, _) = await OAuthClient.RefreshAsync(engine.Http, clientId, tokens!["refresh_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("invalid_grant", body!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refreshed);
    }

    [Fact]
    public async Task RefreshToken_RolledRepeatedly_EachNewOneWorks()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();
        var code = await SignInAsync(clientId, username, Password, verifier);
        var (_, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);
        var refreshToken = tokens!["refresh_token"]!.GetValue<string>();

        for (var i = 0; i < 3; i++)
        {
            var (status, rolled) = await OAuthClient.RefreshAsync(engine.Http, clientId, refreshToken);
            Assert.True(status == HttpStatusCode.OK, rolled?.ToJsonString());
            Assert.NotEqual(refreshToken, rolled!["refresh_token"]!.GetValue<string>());
            refreshToken = rolled["refresh_token"]!.GetValue<string>();
        }
    }

    [Fact]
    public async Task RefreshToken_RedeemedTwice_SecondIsInvalidGrantAndRevokesTheRolledOne()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();
        var code = await SignInAsync(clientId, username, Password, verifier);
        var (_, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);
        var refreshToken = tokens!["refresh_token"]!.GetValue<string>();

        var (first, rolled) = await OAuthClient.RefreshAsync(engine.Http, clientId, refreshToken);
        var (replayed, refused) = await OAuthClient.RefreshAsync(engine.Http, clientId, refreshToken);
        var (next, _) = await OAuthClient.RefreshAsync(engine.Http, clientId, rolled!["refresh_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, replayed);
        Assert.Equal("invalid_grant", refused!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, next);
    }

    [Fact]
    public async Task AuthorizationCode_WrongVerifier_IsRefused()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var code = await SignInAsync(clientId, username, Password, AuthorizeBrowser.NewVerifier());

        var (status, body) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, AuthorizeBrowser.NewVerifier());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsFormAgainWithoutCode()
    {
        var (clientId, username) = await CreateClientAndUserAsync();

        Assert.Null(await SignInAsync(clientId, username, "not the password", AuthorizeBrowser.NewVerifier()));
    }

    [Fact]
    public async Task Login_DisabledUser_FailsAndRefreshAndIssuedAccessTokenAreRefused()
    {
        var (clientId, username) = await CreateClientAndUserAsync();
        var verifier = AuthorizeBrowser.NewVerifier();
        var code = await SignInAsync(clientId, username, Password, verifier);
        var (_, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, clientId, RedirectUri, code!, verifier);

        var (disabled, _) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Put, $"/meta/users/{username}", AdminToken,
            """{"roles":["editor"],"disabled":true}""");
        Assert.Equal(HttpStatusCode.OK, disabled);

        Assert.Null(await SignInAsync(clientId, username, Password, AuthorizeBrowser.NewVerifier()));
        var (refreshed, body) = await OAuthClient.RefreshAsync(engine.Http, clientId, tokens!["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refreshed);
        Assert.Equal("invalid_grant", body!["error"]!.GetValue<string>());

        // The access token was never used before, so no pod holds a remembered "enabled" for this user.
        var (status, refusal) = await OAuthClient.GraphQLAsync(engine.Http, tokens["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", refusal!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_IsRefused()
    {
        var (clientId, _) = await CreateClientAndUserAsync();
        using var browser = new AuthorizeBrowser(engine.BaseAddress);

        var step = await browser.OpenAsync(AuthorizeBrowser.AuthorizeUri(clientId, "http://attacker.example/cb", "challenge-challenge-challenge-challenge-123"));

        Assert.Equal(HttpStatusCode.BadRequest, step.Status);
        Assert.Null(step.Location);
    }

    private string AdminToken => engine.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>Signs in (approving consent); returns the code from the redirect, or null when the login form came back.</summary>
    private async Task<string?> SignInAsync(string clientId, string username, string password, string verifier)
    {
        using var browser = new AuthorizeBrowser(engine.BaseAddress);
        var step = await browser.SignInAsync(AuthorizeBrowser.AuthorizeUri(clientId, RedirectUri, AuthorizeBrowser.Challenge(verifier)), username, password);
        if (step.Status != HttpStatusCode.Found)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, step.Status);
            Assert.Contains("role=\"alert\"", step.Html, StringComparison.Ordinal);
            return null;
        }

        Assert.StartsWith(RedirectUri, step.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("state-1", step.Query["state"].ToString());
        return step.Query["code"].ToString();
    }

    private Task<(string ClientId, string Username)> CreateClientAndUserAsync() =>
        OAuthClient.CreateClientAndUserAsync(engine.Http, AdminToken, RedirectUri, Password);
}
