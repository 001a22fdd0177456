using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Abstractions;

namespace Engine.Auth.Server;

/// <summary>
/// The signed proof, carried by the consent form, that a user just signed in for exactly this authorization request:
/// <c>userId.expiry.HMAC</c> over the user, the expiry and the request's client, redirect URI, scopes, PKCE challenge,
/// state and nonce, with a key every pod derives from the shared encryption key. It replaces a session cookie, and is
/// the form's CSRF protection: no other site can obtain one for the user without the user's password, and it is
/// useless for any other request or after it expires.
/// </summary>
internal static class ConsentTicket
{
    /// <summary>The form field carrying the ticket.</summary>
    public const string Parameter = "consent_ticket";

    /// <summary>The form field carrying the user's decision.</summary>
    public const string DecisionParameter = "consent";

    /// <summary>The decision that grants; anything else denies.</summary>
    public const string Approve = "approve";

    /// <summary>How long the consent page may stay open.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Issue(ReadOnlySpan<byte> key, Guid userId, OpenIddictRequest request, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{userId:N}.{expires}.{Base64Url(Mac(key, userId, expires, request))}");
    }

    /// <summary>The user the ticket was issued to, or null when it is malformed, forged, expired or for another request.</summary>
    public static Guid? Verify(ReadOnlySpan<byte> key, string ticket, OpenIddictRequest request, DateTimeOffset now)
    {
        var parts = ticket.Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < now.ToUnixTimeSeconds())
        {
            return null;
        }

        byte[] sent;
        try
        {
            sent = Convert.FromBase64String(parts[2].Replace('-', '+').Replace('_', '/') + new string('=', (4 - parts[2].Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(sent, Mac(key, userId, expires, request)) ? userId : null;
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, Guid userId, long expires, OpenIddictRequest request)
    {
        var bound = string.Join('\n',
            userId.ToString("N"), expires.ToString(CultureInfo.InvariantCulture), request.ClientId, request.RedirectUri, request.Scope,
            request.CodeChallenge, request.CodeChallengeMethod, request.ResponseType, request.State, request.Nonce);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(bound));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
