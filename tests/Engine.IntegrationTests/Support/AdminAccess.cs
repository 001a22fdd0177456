using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Support;

/// <summary>
/// How every engine fixture reaches <c>/meta</c>: it starts the engine with <c>ENGINE_ADMIN_CLIENT_SECRET</c>, obtains a
/// client_credentials token for <c>engine-admin</c> and sends it with every request, as scripts/load-samples does.
/// </summary>
public static class AdminAccess
{
    /// <summary>The bootstrap secret of the engines the tests start.</summary>
    public const string Secret = "integration-tests-admin-secret";

    /// <summary>The configuration key (and environment variable) the secret is given in.</summary>
    public const string SecretKey = "ENGINE_ADMIN_CLIENT_SECRET";

    /// <summary>Requests a client_credentials token from the engine at <paramref name="http"/>'s base address.</summary>
    public static async Task<string> RequestTokenAsync(HttpClient http, string clientId = "engine-admin", string secret = Secret)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"/connect/token answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        return body!["access_token"]!.GetValue<string>();
    }

    /// <summary>Makes <paramref name="http"/> send an admin token with every request; returns the token.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient http)
    {
        var token = await RequestTokenAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    /// <summary>The admin token <paramref name="http"/> sends (set by <see cref="AuthorizeAsync"/>).</summary>
    public static string TokenOf(HttpClient http) =>
        http.DefaultRequestHeaders.Authorization?.Parameter ?? throw new InvalidOperationException("the client sends no bearer token");

    /// <summary>A gRPC channel to <paramref name="address"/> whose calls carry <c>authorization: Bearer <paramref name="token"/></c>.</summary>
    public static GrpcChannel Channel(Uri address, string token) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new BearerHandler(token) { InnerHandler = new SocketsHttpHandler() } });

    /// <summary>The environment that makes the node clients under tests/clients send <paramref name="token"/> (GraphQL and gRPC).</summary>
    public static IReadOnlyDictionary<string, string> NodeEnvironment(string token) =>
        new Dictionary<string, string> { ["GRAPHQL_TOKEN"] = token, ["GRPC_TOKEN"] = token };

    /// <summary>Adds the bearer token to every request (the gRPC port is cleartext, where call credentials are refused).</summary>
    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
