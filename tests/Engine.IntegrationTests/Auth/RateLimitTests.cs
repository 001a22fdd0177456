using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>Token requests are rate limited per client and address (<c>Auth:TokenRequestsPerMinute</c>).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task TokenRequests_OverTheLimit_Return429ForThatClientOnly()
    {
        await using var engine = await EngineInstance.StartOnNewDatabaseAsync(new Dictionary<string, string>
        {
            ["Auth:TokenRequestsPerMinute"] = "3",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await OAuthClient.ClientCredentialsAsync(engine.Http, "guesser", $"guess-number-{i}")).Status);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.ClientCredentialsAsync(engine.Http, "engine-admin", AdminAccess.Secret)).Status);
    }

    [Fact]
    public async Task LoginAttempts_OverTheLimit_Return429()
    {
        await using var engine = await EngineInstance.StartOnNewDatabaseAsync(new Dictionary<string, string>
        {
            ["Auth:TokenRequestsPerMinute"] = "2",
        });
        var form = new Dictionary<string, string>
        {
            ["client_id"] = "designer",
            ["response_type"] = "code",
            ["redirect_uri"] = "http://127.0.0.1:9/callback",
            ["username"] = "ada",
            ["password"] = "wrong password",
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await engine.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(form));
            statuses.Add(response.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task LoginForm_WrongPasswordsOverTheLimit_Return429ForThatClientOnly()
    {
        await using var engine = await EngineInstance.StartOnNewDatabaseAsync(new Dictionary<string, string>
        {
            ["Auth:TokenRequestsPerMinute"] = "2",
        });
        var callback = new Uri(engine.Http.BaseAddress!, "/admin/callback").ToString();
        using var browser = new AuthorizeBrowser(engine.Http.BaseAddress!);
        var login = await browser.OpenAsync(
            AuthorizeBrowser.AuthorizeUri("engine-admin-designer", callback, AuthorizeBrowser.Challenge(AuthorizeBrowser.NewVerifier())));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var step = await browser.SubmitAsync(login, new Dictionary<string, string> { ["username"] = "ada", ["password"] = $"guess-{i}" });
            statuses.Add(step.Status);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.ClientCredentialsAsync(engine.Http, "engine-admin", AdminAccess.Secret)).Status);
    }
}
