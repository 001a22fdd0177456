using System.Security.Cryptography;
using System.Text;
using Engine.MetadataStore.Principals;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Engine.Auth.Keys;

/// <summary>
/// The RSA keys this pod signs access tokens and encrypts authorization codes and refresh tokens with, the same on
/// every pod: loaded from the metadata store at start and reloaded when the stored ring changes
/// (<see cref="KeyRingLoader"/>). The newest signing key signs; the previous ones still validate and stay in the JWKS.
/// </summary>
public sealed class KeyRing
{
    /// <summary>Purpose of the access-token signing keys.</summary>
    public const string SigningPurpose = "signing";

    /// <summary>Purpose of the key that encrypts authorization codes and refresh tokens.</summary>
    public const string EncryptionPurpose = "encryption";

    private static readonly byte[] ConsentKeyInfo = Encoding.ASCII.GetBytes("engine consent ticket v1");

    private volatile Snapshot? current;
    private CancellationTokenSource changed = new();

    /// <summary>The current signing key; throws until the keys are loaded.</summary>
    public RsaSecurityKey Signing => Loaded.SigningKeys[0];

    /// <summary>Every signing key whose tokens may still be valid, the current one first.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys => Loaded.SigningKeys;

    /// <summary>The encryption key; throws until the keys are loaded.</summary>
    public RsaSecurityKey Encryption => Loaded.Encryption;

    /// <summary>The HMAC key of consent tickets, derived from the shared encryption key so every pod has it.</summary>
    public ReadOnlySpan<byte> ConsentKey => Loaded.ConsentKey;

    /// <summary>True when the ring holds a signing key with this <c>kid</c>.</summary>
    public bool HasSigningKey(string keyId) => current?.SigningKeys.Any(k => k.KeyId == keyId) == true;

    /// <summary>Fires once when the loaded keys change (OpenIddict then rebuilds its options from the ring).</summary>
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    /// <summary>
    /// Makes the stored keys current: <paramref name="signingKeys"/> newest first. Returns false, changing nothing, when
    /// the ring already holds exactly these keys.
    /// </summary>
    public bool Load(IReadOnlyList<StoredKey> signingKeys, StoredKey encryptionKey)
    {
        if (signingKeys.Count == 0)
        {
            throw new ArgumentException("at least one signing key is needed", nameof(signingKeys));
        }

        var previous = current;
        if (previous is not null && previous.Encryption.KeyId == encryptionKey.KeyId
            && previous.SigningKeys.Select(k => k.KeyId).SequenceEqual(signingKeys.Select(k => k.KeyId), StringComparer.Ordinal))
        {
            return false;
        }

        // Keys already loaded keep their RSA instances: validated-token caches and OpenIddict hold on to them.
        var known = previous?.SigningKeys.ToDictionary(k => k.KeyId!, StringComparer.Ordinal) ?? [];
        var signing = signingKeys.Select(k => known.GetValueOrDefault(k.KeyId) ?? ToSecurityKey(k)).ToArray();
        var encryption = previous?.Encryption.KeyId == encryptionKey.KeyId ? previous.Encryption : ToSecurityKey(encryptionKey);
        var consentKey = previous?.Encryption.KeyId == encryptionKey.KeyId
            ? previous.ConsentKey
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(encryptionKey.PrivatePem), 32, info: ConsentKeyInfo);
        current = new Snapshot(signing, encryption, consentKey);

        var fired = Interlocked.Exchange(ref changed, new CancellationTokenSource());
        fired.Cancel();
        fired.Dispose();
        return true;
    }

    /// <summary>A fresh 2048-bit RSA key in PKCS#8 PEM with a random key id.</summary>
    public static StoredKey Generate(string purpose)
    {
        using var rsa = RSA.Create(2048);
        return new StoredKey(purpose, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), rsa.ExportPkcs8PrivateKeyPem(), DateTimeOffset.UtcNow);
    }

    private Snapshot Loaded => current ?? throw new InvalidOperationException(
        "the signing keys are not loaded yet; the auth bootstrap loads them when the engine starts");

    private static RsaSecurityKey ToSecurityKey(StoredKey key)
    {
        // The RSA instance lives as long as the process: the security key uses it for every token.
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivatePem);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    private sealed record Snapshot(RsaSecurityKey[] SigningKeys, RsaSecurityKey Encryption, byte[] ConsentKey);
}
