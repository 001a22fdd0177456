using System.Net;
using Engine.IntegrationTests.Support;
using Grpc.Core;

namespace Engine.IntegrationTests.Auth;

/// <summary>
/// Engines side by side: pods over one database share the signing key and accept each other's tokens; an engine with
/// <c>Auth:Authority</c> accepts the external issuer's tokens (through discovery and JWKS) and no others.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class MultiEngineTests(EngineServer engine)
{
    [Fact]
    public async Task TwoPodsOnOneDatabase_AcceptEachOthersTokens()
    {
        await using var pod = await EngineInstance.StartAsync(engine.Database.ConnectionString);
        var fromFirst = await AdminAccess.RequestTokenAsync(engine.Http);
        var fromSecond = await AdminAccess.RequestTokenAsync(pod.Http);

        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(pod.Http, HttpMethod.Get, "/meta", fromFirst)).Status);
        Assert.Equal(StatusCode.OK, await OAuthClient.GrpcHealthAsync(pod.GrpcAddress, fromFirst));
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta", fromSecond)).Status);
        Assert.Equal(OAuthClient.Read(fromFirst).Kid, OAuthClient.Read(fromSecond).Kid);
    }

    [Fact]
    public async Task ExternalAuthority_AcceptsItsTokensAndRefusesOwnBuiltInTokens()
    {
        await using var relying = await EngineInstance.StartOnNewDatabaseAsync(new Dictionary<string, string>
        {
            ["Auth:Authority"] = engine.BaseAddress.ToString(),
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        var external = await AdminAccess.RequestTokenAsync(engine.Http);
        var builtIn = await AdminAccess.RequestTokenAsync(relying.Http);

        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.SendAsync(relying.Http, HttpMethod.Get, "/meta", external)).Status);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GraphQLAsync(relying.Http, external)).Status);
        Assert.Equal(StatusCode.OK, await OAuthClient.GrpcHealthAsync(relying.GrpcAddress, external));

        var (status, body) = await OAuthClient.GraphQLAsync(relying.Http, builtIn);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthClient.SendAsync(relying.Http, HttpMethod.Get, "/meta", builtIn)).Status);
        Assert.Equal(StatusCode.Unauthenticated, await OAuthClient.GrpcHealthAsync(relying.GrpcAddress, builtIn));
    }
}
