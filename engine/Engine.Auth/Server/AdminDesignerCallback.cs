using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Server;

/// <summary>
/// The one redirect URI of the admin designer's client: <c>/admin/callback</c> on the engine's own origin — the
/// scheme and host the authorization request reached this engine on, or the origin of the configured
/// <see cref="AuthOptions.Issuer"/> (behind a TLS-terminating ingress the request itself arrives as plain http).
/// Never any other host, so a code can only go back to the engine that serves the designer.
/// </summary>
internal static class AdminDesignerCallback
{
    /// <summary>The callback's path under the engine's path base.</summary>
    public const string Path = "/admin/callback";

    /// <summary>True when <paramref name="redirectUri"/> is the designer's callback on this engine's origin.</summary>
    public static bool IsOwnCallback(string? redirectUri, HttpRequest request, string? configuredIssuer)
    {
        if (redirectUri is null || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || !string.Equals(uri.AbsolutePath, request.PathBase + Path, StringComparison.Ordinal))
        {
            return false;
        }

        return SameOrigin(uri, $"{request.Scheme}://{request.Host}")
            || (configuredIssuer is not null && SameOrigin(uri, configuredIssuer));
    }

    private static bool SameOrigin(Uri uri, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var expected)
        && (expected.Scheme == Uri.UriSchemeHttp || expected.Scheme == Uri.UriSchemeHttps)
        && string.Equals(uri.Scheme, expected.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, expected.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == expected.Port;
}
