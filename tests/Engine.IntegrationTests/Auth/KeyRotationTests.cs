using System.Net;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// Signing-key rotation over a database two pods share: once the current key is older than
/// <c>Auth:SigningKeyLifetimeDays</c> exactly one new key is created, both pods sign with it, and tokens signed with the
/// previous key stay valid and its public key stays in the JWKS.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Rotation_AgedKeyWithTwoPodsRefreshing_OneNewKeyBothSignWithItPreviousStillValid()
    {
        var fast = Settings(refreshSeconds: 1);
        await using var first = await EngineInstance.StartAsync(database.ConnectionString, fast);
        await using var second = await EngineInstance.StartAsync(database.ConnectionString, fast);
        var before = await AdminAccess.RequestTokenAsync(first.Http);
        var previousKid = OAuthClient.Read(before).Kid;

        await AgeSigningKeysAsync();
        var afterFirst = await TokenWithNewKidAsync(first, previousKid);
        var afterSecond = await TokenWithNewKidAsync(second, previousKid);

        var currentKid = OAuthClient.Read(afterFirst).Kid;
        Assert.Equal(currentKid, OAuthClient.Read(afterSecond).Kid);
        Assert.Equal(2L, await database.ScalarAsync("SELECT count(*) FROM engine_meta.signing_keys WHERE purpose = 'signing'"));
        foreach (var pod in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, "/meta", before)).Status);
            Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, "/meta", afterFirst)).Status);
            Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, "/meta", afterSecond)).Status);
            var kids = await JwksKeyIdsAsync(pod);
            Assert.Contains(previousKid, kids);
            Assert.Contains(currentKid, kids);
        }
    }

    [Fact]
    public async Task Rotation_ByAnotherPod_TokenWithUnknownKidMakesThisPodReloadAtOnce()
    {
        await using var rotating = await EngineInstance.StartAsync(database.ConnectionString, Settings(refreshSeconds: 1));
        await using var idle = await EngineInstance.StartAsync(database.ConnectionString, Settings(refreshSeconds: 3600));
        var previousKid = OAuthClient.Read(await AdminAccess.RequestTokenAsync(idle.Http)).Kid;

        await AgeSigningKeysAsync();
        var rotated = await TokenWithNewKidAsync(rotating, previousKid);

        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(idle.Http, HttpMethod.Get, "/meta", rotated)).Status);
        Assert.Equal(OAuthClient.Read(rotated).Kid, OAuthClient.Read(await AdminAccess.RequestTokenAsync(idle.Http)).Kid);
    }

    /// <summary>The refresh period under test, and room for the polling token requests below the rate limit.</summary>
    private static Dictionary<string, string> Settings(int refreshSeconds) => new()
    {
        ["Auth:KeyRingRefreshSeconds"] = refreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:TokenRequestsPerMinute"] = "1000",
    };

    private Task AgeSigningKeysAsync() =>
        database.ScalarAsync("UPDATE engine_meta.signing_keys SET created_at = now() - interval '91 days' WHERE purpose = 'signing'");

    /// <summary>Requests admin tokens from <paramref name="pod"/> until one is signed with a key other than <paramref name="previousKid"/>.</summary>
    private static async Task<string> TokenWithNewKidAsync(EngineInstance pod, string previousKid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var token = await AdminAccess.RequestTokenAsync(pod.Http);
            if (OAuthClient.Read(token).Kid != previousKid)
            {
                return token;
            }

            Assert.True(DateTime.UtcNow < deadline, "the pod still signs with the aged key 20 s later");
            await Task.Delay(250);
        }
    }

    private static async Task<IReadOnlyList<string>> JwksKeyIdsAsync(EngineInstance pod)
    {
        var (_, discovery) = await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, "/.well-known/openid-configuration", null);
        var (_, jwks) = await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, new Uri(discovery!["jwks_uri"]!.GetValue<string>()).PathAndQuery, null);
        return [.. jwks!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>())];
    }
}
