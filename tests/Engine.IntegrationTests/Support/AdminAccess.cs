using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Makes <paramref name="http"/> send an admin token with every request.</summary>
    public static async Task AuthorizeAsync(HttpClient http) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RequestTokenAsync(http));
}
