using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Engine.IntegrationTests.Auth;

/// <summary>What the auth tests do over the wire: token requests, bearer calls on /meta, GraphQL and gRPC, JWT reading.</summary>
internal static class OAuthClient
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);

    /// <summary>POSTs a token request; returns the status and the JSON body.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject? Body)> TokenAsync(HttpClient http, IDictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || response.StatusCode == HttpStatusCode.TooManyRequests ? null : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>A client_credentials token request.</summary>
    public static Task<(HttpStatusCode Status, JsonObject? Body)> ClientCredentialsAsync(HttpClient http, string clientId, string secret) =>
        TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });

    /// <summary>Redeems an authorization code with its PKCE verifier.</summary>
    public static Task<(HttpStatusCode Status, JsonObject? Body)> ExchangeCodeAsync(
        HttpClient http, string clientId, string redirectUri, string code, string verifier) =>
        TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });

    /// <summary>Redeems a refresh token of a public client.</summary>
    public static Task<(HttpStatusCode Status, JsonObject? Body)> RefreshAsync(HttpClient http, string clientId, string refreshToken) =>
        TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        });

    /// <summary>
    /// Creates, with <paramref name="adminToken"/>, a public client allowed to redirect to <paramref name="redirectUri"/> and
    /// a user with <paramref name="password"/> and the role <c>editor</c>; returns their names.
    /// </summary>
    public static async Task<(string ClientId, string Username)> CreateClientAndUserAsync(
        HttpClient http, string adminToken, string redirectUri, string password)
    {
        var clientId = TokenValidationTests.UniqueClientId("designer");
        var username = TokenValidationTests.UniqueClientId("user");
        var (client, clientBody) = await SendAsync(http, HttpMethod.Post, "/meta/clients", adminToken,
            $$"""{"clientId":"{{clientId}}","redirectUris":["{{redirectUri}}"]}""");
        Assert.True(client == HttpStatusCode.Created, clientBody?.ToJsonString());
        var (user, userBody) = await SendAsync(http, HttpMethod.Post, "/meta/users", adminToken,
            $$"""{"username":"{{username}}","password":"{{password}}","roles":["editor"]}""");
        Assert.True(user == HttpStatusCode.Created, userBody?.ToJsonString());
        return (clientId, username);
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <paramref name="token"/> (none when null).</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        // The shared client carries the fixture's admin token by default; each call here says exactly which token it sends.
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var bare = new HttpClient { BaseAddress = http.BaseAddress };
        using var response = await bare.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>POSTs <c>{ __typename }</c> to /graphql with <paramref name="token"/>.</summary>
    public static Task<(HttpStatusCode Status, JsonNode? Body)> GraphQLAsync(HttpClient http, string? token) =>
        SendAsync(http, HttpMethod.Post, "/graphql", token, """{"query":"{ __typename }"}""");

    /// <summary>Calls the gRPC health check with <paramref name="token"/>; returns the status code.</summary>
    public static async Task<StatusCode> GrpcHealthAsync(Uri grpcAddress, string token)
    {
        using var channel = GrpcChannel.ForAddress(grpcAddress);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "grpc.health.v1.Health", "Check", Bytes, Bytes);
        var headers = new global::Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } };
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers), []);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>The claims of an access token, read without validation.</summary>
    public static JsonWebToken Read(string token) => new(token);
}
