using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Engine.Benchmarks;

/// <summary>How the benchmarks reach <c>/meta</c>: the engine starts with a bootstrap admin secret, the client gets a token.</summary>
internal static class BenchmarkAdmin
{
    private const string Secret = "benchmark-admin-secret";

    /// <summary>Gives the engine the bootstrap secret of client <c>engine-admin</c> (SPEC §6).</summary>
    public static void Configure(WebApplicationBuilder builder) => builder.Configuration["ENGINE_ADMIN_CLIENT_SECRET"] = Secret;

    /// <summary>Makes <paramref name="http"/> send an admin token (client_credentials) with every request; returns the token.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "engine-admin",
            ["client_secret"] = Secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var token = response.IsSuccessStatusCode ? body?["access_token"]?.GetValue<string>() : null;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            token ?? throw new InvalidOperationException($"/connect/token answered {(int)response.StatusCode}: {body?.ToJsonString()}"));
        return token;
    }

    /// <summary>
    /// A gRPC channel whose calls carry <paramref name="token"/>: data requests without a token are anonymous, which may
    /// do nothing unless a resource grants it (SPEC §6).
    /// </summary>
    public static GrpcChannel Channel(Uri address, string token) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new BearerHandler(token) { InnerHandler = new SocketsHttpHandler() } });

    /// <summary>Adds the bearer token to every request (call credentials are refused on a cleartext channel).</summary>
    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
