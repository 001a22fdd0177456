using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// SPEC §6 "a disabled user's new requests fail": an access token already in use stops working once the pod's
/// remembered user state (<c>Auth:UserStatusCacheSeconds</c>) expires, on GraphQL and /meta alike.
/// </summary>
public sealed class DisabledUserTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AccessToken_UserDisabledWhileTokenInUse_IsRefusedAfterTheStatusCachePeriod()
    {
        await using var engine = await EngineInstance.StartOnNewDatabaseAsync(new Dictionary<string, string> { ["Auth:UserStatusCacheSeconds"] = "1" });
        var admin = await AdminAccess.RequestTokenAsync(engine.Http);
        var callback = new Uri(engine.Http.BaseAddress!, "/admin/callback").ToString();
        var username = TokenValidationTests.UniqueClientId("admin");
        await OAuthClient.SendAsync(engine.Http, HttpMethod.Post, "/meta/users", admin,
            $$"""{"username":"{{username}}","password":"{{Password}}","roles":["admin"]}""");
        var verifier = AuthorizeBrowser.NewVerifier();
        using var browser = new AuthorizeBrowser(engine.Http.BaseAddress!);
        var redirect = await browser.SignInAsync(
            AuthorizeBrowser.AuthorizeUri("engine-admin-designer", callback, AuthorizeBrowser.Challenge(verifier)), username, Password);
        var (_, tokens) = await OAuthClient.ExchangeCodeAsync(engine.Http, "engine-admin-designer", callback, redirect.Query["code"].ToString(), verifier);
        var access = tokens!["access_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GraphQLAsync(engine.Http, access)).Status);

        await OAuthClient.SendAsync(engine.Http, HttpMethod.Put, $"/meta/users/{username}", admin, """{"roles":["admin"],"disabled":true}""");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var (status, body) = await OAuthClient.GraphQLAsync(engine.Http, access);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", access)).Status);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GraphQLAsync(engine.Http, admin)).Status);
    }
}
