using System.Security.Cryptography;
using Engine.MetadataStore.Principals;
using Microsoft.IdentityModel.Tokens;

namespace Engine.Auth.Keys;

/// <summary>
/// The RSA keys this pod signs access tokens and encrypts authorization codes and refresh tokens with, the same on
/// every pod: loaded from the metadata store at start (<see cref="Bootstrap.AuthBootstrapService"/>).
/// </summary>
public sealed class KeyRing
{
    /// <summary>Purpose of the access-token signing key.</summary>
    public const string SigningPurpose = "signing";

    /// <summary>Purpose of the key that encrypts authorization codes and refresh tokens.</summary>
    public const string EncryptionPurpose = "encryption";

    private RsaSecurityKey? signing;
    private RsaSecurityKey? encryption;

    /// <summary>The signing key; throws until the keys are loaded.</summary>
    public RsaSecurityKey Signing => signing ?? throw NotLoaded();

    /// <summary>The encryption key; throws until the keys are loaded.</summary>
    public RsaSecurityKey Encryption => encryption ?? throw NotLoaded();

    /// <summary>Makes the stored keys current.</summary>
    public void Load(StoredKey signingKey, StoredKey encryptionKey)
    {
        encryption = ToSecurityKey(encryptionKey);
        signing = ToSecurityKey(signingKey);
    }

    /// <summary>A fresh 2048-bit RSA key in PKCS#8 PEM with a random key id.</summary>
    public static StoredKey Generate(string purpose)
    {
        using var rsa = RSA.Create(2048);
        return new StoredKey(purpose, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), rsa.ExportPkcs8PrivateKeyPem());
    }

    private static RsaSecurityKey ToSecurityKey(StoredKey key)
    {
        // The RSA instance lives as long as the process: the security key uses it for every token.
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivatePem);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    private static InvalidOperationException NotLoaded() =>
        new("the signing keys are not loaded yet; the auth bootstrap loads them when the engine starts");
}
