using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Engine.Auth.Validation;

/// <summary>Decides whether a token's issuer is the built-in server (see <see cref="AuthOptions.Issuer"/>).</summary>
internal static class BuiltInIssuer
{
    /// <summary>
    /// With a configured issuer, only that one. Without, the server names itself after each request's address, so a token
    /// is accepted when its issuer has the request's host name: the HTTP and gRPC ports of one engine differ only in port.
    /// </summary>
    public static bool IsValid(string issuer, string? configured, HttpContext? http)
    {
        if (configured is not null)
        {
            return string.Equals(issuer.TrimEnd('/'), configured.TrimEnd('/'), StringComparison.Ordinal);
        }

        return http is not null
            && Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/"
            && string.Equals(uri.Host, http.Request.Host.Host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <see cref="TokenValidationParameters.IssuerValidator"/> over <see cref="IsValid"/>.</summary>
    public static IssuerValidator Validator(string? configured, IHttpContextAccessor accessor) =>
        (issuer, _, _) => IsValid(issuer, configured, accessor.HttpContext)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"the token's issuer '{issuer}' is not this engine");
}
