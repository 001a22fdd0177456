using System.Security.Cryptography;
using Engine.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Engine.IntegrationTests.Auth;

/// <summary>Signs access tokens by hand with the engine's stored key (or another), to try each way a token can be wrong.</summary>
internal static class TokenForgery
{
    /// <summary>The engine's current signing key, read from the metadata store.</summary>
    public static async Task<RsaSecurityKey> StoredSigningKeyAsync(PostgresDatabase database)
    {
        const string Current = "FROM engine_meta.signing_keys WHERE purpose = 'signing' ORDER BY created_at DESC LIMIT 1";
        var pem = (string)(await database.ScalarAsync($"SELECT private_pem {Current}"))!;
        var kid = (string)(await database.ScalarAsync($"SELECT key_id {Current}"))!;
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }

    /// <summary>A fresh key that is not the engine's, with the engine's key id so only the signature gives it away.</summary>
    public static RsaSecurityKey ForeignKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>An admin access token as the built-in server would issue it, with the given parts replaced.</summary>
    public static string Sign(RsaSecurityKey key, string issuer, string audience = "engine", DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["sub"] = "forged", ["role"] = "admin" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
