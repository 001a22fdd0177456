using Engine.MetadataStore.Principals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Keys;

/// <summary>
/// Fills the <see cref="KeyRing"/> from the metadata store: rotates the signing key once it is older than
/// <see cref="AuthOptions.SigningKeyLifetimeDays"/> (whichever pod notices first, under the store's advisory lock) and
/// drops previous keys once every token they signed has expired. Other pods pick a new key up on their next refresh,
/// or at once when a token names a <c>kid</c> they do not hold.
/// </summary>
public sealed partial class KeyRingLoader(
    SharedKeyStore keys, KeyRing ring, IOptions<AuthOptions> options, TimeProvider time, ILogger<KeyRingLoader> logger)
{
    /// <summary>The least time between two reloads caused by unknown key ids, so forged kids cannot flood the store.</summary>
    private static readonly TimeSpan UnknownKeyReloadInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim reloading = new(1, 1);
    private DateTimeOffset lastUnknownKeyReload = DateTimeOffset.MinValue;

    /// <summary>
    /// How long a previous signing key stays after its successor appeared: the longest token lifetime (refresh tokens and
    /// codes are signed too), plus one refresh period during which other pods may still sign with it, plus clock skew.
    /// </summary>
    public static TimeSpan Retention(AuthOptions options) =>
        TimeSpan.FromMinutes(Math.Max(options.AccessTokenMinutes, options.RefreshTokenDays * 24 * 60))
        + TimeSpan.FromSeconds(options.KeyRingRefreshSeconds) + TimeSpan.FromMinutes(5);

    /// <summary>Rotates the signing key when due, creates missing keys, and loads the stored ring.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var retention = Retention(settings);
        var signing = await keys.EnsureCurrentAsync(
            KeyRing.SigningPurpose, TimeSpan.FromDays(settings.SigningKeyLifetimeDays), retention,
            () => KeyRing.Generate(KeyRing.SigningPurpose), cancellationToken).ConfigureAwait(false);
        var encryption = await keys.EnsureCurrentAsync(
            KeyRing.EncryptionPurpose, null, retention, () => KeyRing.Generate(KeyRing.EncryptionPurpose), cancellationToken).ConfigureAwait(false);
        Load(signing, encryption);
    }

    /// <summary>
    /// Reloads the stored ring when a token names the signing key <paramref name="keyId"/> this pod does not hold (another
    /// pod may have just rotated), at most once per <see cref="UnknownKeyReloadInterval"/>.
    /// </summary>
    public async Task LoadIfUnknownAsync(string keyId, CancellationToken cancellationToken)
    {
        if (ring.HasSigningKey(keyId) || time.GetUtcNow() - lastUnknownKeyReload < UnknownKeyReloadInterval)
        {
            return;
        }

        await reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ring.HasSigningKey(keyId) || time.GetUtcNow() - lastUnknownKeyReload < UnknownKeyReloadInterval)
            {
                return;
            }

            lastUnknownKeyReload = time.GetUtcNow();
            var signing = await keys.ListAsync(KeyRing.SigningPurpose, cancellationToken).ConfigureAwait(false);
            var encryption = await keys.ListAsync(KeyRing.EncryptionPurpose, cancellationToken).ConfigureAwait(false);
            if (signing.Count > 0 && encryption.Count > 0)
            {
                Load(signing, encryption);
            }
        }
        finally
        {
            reloading.Release();
        }
    }

    private void Load(IReadOnlyList<StoredKey> signing, IReadOnlyList<StoredKey> encryption)
    {
        if (ring.Load(signing, encryption[0]))
        {
            LogLoaded(logger, signing[0].KeyId, signing.Count);
        }
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "key ring loaded: signing with {KeyId}, {Count} signing key(s) published")]
    private static partial void LogLoaded(ILogger logger, string keyId, int count);
}
