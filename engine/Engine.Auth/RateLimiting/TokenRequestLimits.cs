using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engine.Auth.RateLimiting;

/// <summary>
/// Limits token requests and login attempts per client and remote address (a fixed window of one minute,
/// <c>Auth:TokenRequestsPerMinute</c>), so secrets and passwords cannot be guessed at speed; over the limit → 429.
/// </summary>
internal static class TokenRequestLimits
{
    private const string ClientIdItem = "Engine.Auth.ClientId";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
    }

    /// <summary>
    /// Reads the form of a limited request before the limiter runs (the partition function cannot await), and keeps its
    /// client id for <see cref="Partition"/>; the form stays buffered for OpenIddict.
    /// </summary>
    public static async Task CaptureClientIdAsync(HttpContext http, Func<Task> next)
    {
        if (IsLimited(http.Request) && http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            http.Items[ClientIdItem] = form["client_id"].ToString();
        }

        await next().ConfigureAwait(false);
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        if (!IsLimited(http.Request))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var clientId = http.Items[ClientIdItem] as string;
        if (string.IsNullOrEmpty(clientId))
        {
            clientId = BasicClientId(http.Request) ?? "";
        }

        var permits = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.TokenRequestsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{clientId}\n{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    /// <summary>Token requests, and posts of the login form (GETs of the form are not attempts).</summary>
    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/connect/token") || request.Path.StartsWithSegments("/connect/authorize"));

    private static string? BasicClientId(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return Uri.UnescapeDataString(colon < 0 ? decoded : decoded[..colon]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
