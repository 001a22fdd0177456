namespace Engine.Auth;

/// <summary>The <c>Auth</c> configuration section (SPEC §6, §7).</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string Section = "Auth";

    /// <summary>The environment variable whose value creates or updates the client <c>engine-admin</c> at start.</summary>
    public const string AdminSecretVariable = "ENGINE_ADMIN_CLIENT_SECRET";

    /// <summary>The bootstrap client's id.</summary>
    public const string AdminClientId = "engine-admin";

    /// <summary>
    /// The built-in first-party public client of the admin designer: authorization_code + PKCE + refresh_token, redirecting
    /// only to the engine's own <c>/admin/callback</c>, never asked for consent, not stored (its id is reserved).
    /// </summary>
    public const string AdminDesignerClientId = "engine-admin-designer";

    /// <summary>An external OpenID Connect issuer; when set, bearer tokens are validated through its discovery document and JWKS.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience access tokens are issued for and must carry.</summary>
    public string Audience { get; set; } = "engine";

    /// <summary>The claim roles are read from (and written to, by the built-in server).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// The built-in server's issuer (an absolute URL every pod answers at). When unset, the server names itself after the
    /// request's address and accepts tokens whose issuer has the request's host name, so HTTP and gRPC ports agree.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Whether the external authority's discovery document must be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How many token requests and login attempts one client may make from one address per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>How long access tokens live.</summary>
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>How long refresh tokens live (they are rolling: each refresh returns a new one and spends the old).</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>The age at which the signing key is replaced by a new one (the first pod to notice rotates it).</summary>
    public double SigningKeyLifetimeDays { get; set; } = 90;

    /// <summary>How often each pod rotates a due signing key, reloads the key ring and forgets expired redeemed token ids.</summary>
    public int KeyRingRefreshSeconds { get; set; } = 60;

    /// <summary>How long a pod trusts what it read about a user being enabled, before a token of that user is refused.</summary>
    public int UserStatusCacheSeconds { get; set; } = 30;
}
