using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace Engine.Benchmarks;

/// <summary>How the benchmarks reach <c>/meta</c>: the engine starts with a bootstrap admin secret, the client gets a token.</summary>
internal static class BenchmarkAdmin
{
    private const string Secret = "benchmark-admin-secret";

    /// <summary>Gives the engine the bootstrap secret of client <c>engine-admin</c> (SPEC §6).</summary>
    public static void Configure(WebApplicationBuilder builder) => builder.Configuration["ENGINE_ADMIN_CLIENT_SECRET"] = Secret;

    /// <summary>Makes <paramref name="http"/> send an admin token (client_credentials) with every request.</summary>
    public static async Task AuthorizeAsync(HttpClient http)
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
    }
}
