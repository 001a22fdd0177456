using Microsoft.AspNetCore.Identity;

namespace Engine.Auth.Hashing;

/// <summary>
/// Hashes client secrets and user passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with
/// HMAC-SHA512, 100,000 iterations, random salt, constant-time comparison).
/// </summary>
internal static class SecretHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Principal = new();

    /// <summary>A hash verified when there is no stored one, so an unknown name costs as much time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Guid.NewGuid().ToString()));

    public static string Hash(string secret) => Hasher.HashPassword(Principal, secret);

    /// <summary>True when <paramref name="secret"/> matches <paramref name="hash"/>; a null hash never matches but costs the same.</summary>
    public static bool Verify(string? hash, string secret)
    {
        var result = Hasher.VerifyHashedPassword(Principal, hash ?? DecoyHash.Value, secret);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
