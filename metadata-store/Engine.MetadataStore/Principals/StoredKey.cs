namespace Engine.MetadataStore.Principals;

/// <summary>A private key shared by every pod, in PEM (PKCS#8).</summary>
/// <param name="Purpose">What the key is for: <c>signing</c> or <c>encryption</c>.</param>
/// <param name="KeyId">The <c>kid</c> published in the JWKS.</param>
/// <param name="PrivatePem">The private key.</param>
/// <param name="CreatedAt">When the key was stored (the database's clock), which decides its age for rotation.</param>
public sealed record StoredKey(string Purpose, string KeyId, string PrivatePem, DateTimeOffset CreatedAt);
