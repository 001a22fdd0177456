using System.Net;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Auth;

/// <summary>/meta/clients and /meta/users (SPEC §6): CRUD, write-only secrets, validation errors with paths.</summary>
[Collection(EngineCollection.Name)]
public sealed class PrincipalEndpointsTests(EngineServer engine)
{
    private const string Secret = TokenValidationTests.Secret;

    [Fact]
    public async Task Clients_CreateReadReplaceDelete_RoundTripsWithoutSecret()
    {
        var id = TokenValidationTests.UniqueClientId("reporting");
        var (created, body) = await SendAsync(HttpMethod.Post, "/meta/clients",
            $$$"""{"clientId":"{{{id}}}","secret":"{{{Secret}}}","roles":["reader"],"claims":{"tenant":"acme"}}""");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Null(body!["secret"]);
        Assert.DoesNotContain("secret\"", body.ToJsonString(), StringComparison.Ordinal);

        var (_, token) = await OAuthClient.ClientCredentialsAsync(engine.Http, id, Secret);
        var jwt = OAuthClient.Read(token!["access_token"]!.GetValue<string>());
        Assert.Equal(id, jwt.Subject);
        Assert.Contains(jwt.Claims, c => c.Type == "role" && c.Value == "reader");
        Assert.Contains(jwt.Claims, c => c.Type == "tenant" && c.Value == "acme");

        // A replace without a secret keeps the stored one.
        var (replaced, after) = await SendAsync(HttpMethod.Put, $"/meta/clients/{id}", """{"roles":["reader","writer"]}""");
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Equal(2, after!["roles"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.ClientCredentialsAsync(engine.Http, id, Secret)).Status);

        var (listed, list) = await SendAsync(HttpMethod.Get, "/meta/clients", null);
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains(list!["clients"]!.AsArray(), c => c!["clientId"]!.GetValue<string>() == id);
        Assert.DoesNotContain("secret\"", list.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/meta/clients/{id}", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/meta/clients/{id}", null)).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await OAuthClient.ClientCredentialsAsync(engine.Http, id, Secret)).Status);
    }

    [Fact]
    public async Task Clients_PostExisting_Returns409()
    {
        var id = TokenValidationTests.UniqueClientId("twice");
        var json = $$"""{"clientId":"{{id}}","secret":"{{Secret}}"}""";
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/meta/clients", json)).Status);

        var (status, body) = await SendAsync(HttpMethod.Post, "/meta/clients", json);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("clientId", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clients_PostBadInput_Returns400WithPaths()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/meta/clients",
            """{"clientId":"bad id","secret":"short","roles":["ok","9bad"],"claims":{"sub":"x","n":1},"redirectUris":["not a url"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var paths = body!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
        Assert.Equal(["clientId", "secret", "roles[1]", "claims.sub", "claims.n", "redirectUris[0]"], paths);
    }

    [Fact]
    public async Task Clients_PutWithOtherIdInBody_Returns400()
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "/meta/clients/one", """{"clientId":"two"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("clientId", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_CreateReadReplaceDelete_RoundTripsWithoutPassword()
    {
        var name = TokenValidationTests.UniqueClientId("ada");
        var (created, body) = await SendAsync(HttpMethod.Post, "/meta/users",
            $$$"""{"username":"{{{name}}}","password":"correct horse","roles":["accountant"],"claims":{"tenant":"acme"}}""");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Null(body!["password"]);
        Assert.True(Guid.TryParse(body["id"]!.GetValue<string>(), out _));
        Assert.False(body["disabled"]!.GetValue<bool>());

        var (replaced, after) = await SendAsync(HttpMethod.Put, $"/meta/users/{name}", """{"roles":[],"disabled":true}""");
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.True(after!["disabled"]!.GetValue<bool>());
        Assert.Equal(body["id"]!.GetValue<string>(), after["id"]!.GetValue<string>());

        var (_, list) = await SendAsync(HttpMethod.Get, "/meta/users", null);
        Assert.Contains(list!["users"]!.AsArray(), u => u!["username"]!.GetValue<string>() == name);
        Assert.DoesNotContain("password", list.ToJsonString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/meta/users/{name}", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/meta/users/{name}", null)).Status);
    }

    [Fact]
    public async Task Users_PostWithoutPassword_Returns400()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/meta/users", """{"username":"nopassword"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("password", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_PostBadInput_Returns400WithPaths()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/meta/users",
            """{"username":"","password":"short","roles":"admin","claims":[],"disabled":"no"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var paths = body!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
        Assert.Equal(["username", "password", "roles", "claims", "disabled"], paths);
    }

    [Fact]
    public async Task Users_NotJson_Returns400()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/meta/users", "{");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("", body!["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Users_WithoutToken_Returns401()
    {
        var (status, _) = await OAuthClient.SendAsync(engine.Http, HttpMethod.Get, "/meta/users", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json) =>
        OAuthClient.SendAsync(engine.Http, method, path, engine.Http.DefaultRequestHeaders.Authorization!.Parameter, json);
}
