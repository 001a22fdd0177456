using System.Net;
using Engine.IntegrationTests.Support;
using Grpc.Core;

namespace Engine.IntegrationTests.Auth;

/// <summary>Bearer tokens on /meta, GraphQL and gRPC (SPEC §6): who gets in, and what a bad token gets back.</summary>
[Collection(EngineCollection.Name)]
public sealed class TokenValidationTests(EngineServer engine)
{
    [Fact]
    public async Task Meta_ClientCredentialsAdminToken_Succeeds()
    {
        var token = await AdminAccess.RequestTokenAsync(engine.Http);

        var (status, body) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body!["version"]);
        var jwt = OAuthClient.Read(token);
        Assert.Equal("engine-admin", jwt.Subject);
        Assert.Contains("engine", jwt.Audiences);
        Assert.Contains(jwt.Claims, c => c.Type == "role" && c.Value == "admin");
    }

    [Fact]
    public async Task Meta_WithoutToken_Returns401()
    {
        var (status, body) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.NotNull(body!["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Meta_NonAdminToken_Returns403()
    {
        var clientId = UniqueClientId("reader");
        await CreateClientAsync(clientId, """["reader"]""");
        var (_, token) = await OAuthClient.ClientCredentialsAsync(engine.Http, clientId, Secret);

        var (status, _) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", token!["access_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GraphQL_WithoutToken_RunsAsBefore()
    {
        var (status, body) = await OAuthClient.GraphQLAsync(engine.Http, null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["errors"]);
    }

    [Fact]
    public async Task GraphQL_HandSignedTokenWithStoredKey_IsAccepted()
    {
        // The control for the refusals below: the forged tokens differ from this one in exactly one part.
        var key = await TokenForgery.StoredSigningKeyAsync(engine.Database);

        var (status, _) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", TokenForgery.Sign(key, Issuer));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("signature")]
    [InlineData("audience")]
    [InlineData("issuer")]
    [InlineData("garbage")]
    public async Task GraphQL_BadToken_Returns401Unauthenticated(string defect)
    {
        var token = await BadTokenAsync(defect);

        var (status, body) = await OAuthClient.GraphQLAsync(engine.Http, token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("signature")]
    [InlineData("audience")]
    [InlineData("issuer")]
    public async Task Grpc_BadToken_ReturnsUnauthenticated(string defect)
    {
        var token = await BadTokenAsync(defect);

        Assert.Equal(StatusCode.Unauthenticated, await OAuthClient.GrpcHealthAsync(engine.GrpcAddress, token));
    }

    [Fact]
    public async Task Grpc_ValidToken_IsServed()
    {
        var token = await AdminAccess.RequestTokenAsync(engine.Http);

        Assert.Equal(StatusCode.OK, await OAuthClient.GrpcHealthAsync(engine.GrpcAddress, token));
    }

    [Fact]
    public async Task Discovery_PublishesEndpointsAndStoredKey()
    {
        var (status, discovery) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/.well-known/openid-configuration", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.EndsWith("/connect/token", discovery!["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/authorize", discovery["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);

        var jwksUri = new Uri(discovery["jwks_uri"]!.GetValue<string>());
        var (_, jwks) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, jwksUri.PathAndQuery, null);

        var keyId = (string)(await engine.Database.ScalarAsync("SELECT key_id FROM engine_meta.signing_keys WHERE purpose = 'signing'"))!;
        Assert.Contains(jwks!["keys"]!.AsArray(), k => k!["kid"]!.GetValue<string>() == keyId);
    }

    internal const string Secret = "a-client-secret-for-tests";

    private string Issuer => engine.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";

    internal static string UniqueClientId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private async Task CreateClientAsync(string clientId, string roles)
    {
        using var response = await engine.Http.PostAsync("/meta/clients", new StringContent(
            $$"""{"clientId":"{{clientId}}","secret":"{{Secret}}","roles":{{roles}}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<string> BadTokenAsync(string defect)
    {
        var key = await TokenForgery.StoredSigningKeyAsync(engine.Database);
        return defect switch
        {
            "expired" => TokenForgery.Sign(key, Issuer, expires: DateTime.UtcNow.AddHours(-1)),
            "signature" => TokenForgery.Sign(TokenForgery.ForeignKey(key.KeyId), Issuer),
            "audience" => TokenForgery.Sign(key, Issuer, audience: "another-api"),
            "issuer" => TokenForgery.Sign(key, "https://issuer.example/"),
            _ => "not-a-jwt",
        };
    }
}
