using Engine.MetadataStore;
using Engine.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Engine.Runtime;

/// <summary>
/// Keeps this pod's <see cref="SnapshotHolder"/> at the store's current metadata version: loads it at start, applies
/// this pod's changes (and serves them before the call returns), and picks up other pods' changes when asked to
/// (<see cref="MetadataPoller"/> on every tick, the NATS announcement listener at once).
/// </summary>
public sealed partial class MetadataRuntime(
    VersionedMetadataStore store,
    SnapshotHolder holder,
    SnapshotBuilder builder,
    ILogger<MetadataRuntime> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private StoredMetadata? stored;

    /// <summary>
    /// Raised when a change made through this pod committed and its version is served here (the argument is the new
    /// version), so it can be announced to the other pods. Raised in version order; handlers must return quickly.
    /// </summary>
    public event EventHandler<long>? ChangeApplied;

    /// <summary>The metadata this pod serves, as stored (null before <see cref="InitializeAsync"/>).</summary>
    public StoredMetadata? Stored => Volatile.Read(ref stored);

    /// <summary>Migrates the store's own schema and loads the current version.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a change through the store and, when it committed, serves the new version before returning.</summary>
    public async Task<ChangeResult> ApplyAsync(MetadataChange change, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await store.ApplyAsync(change, Stored, cancellationToken).ConfigureAwait(false);
            if (result.Status == ChangeStatus.Applied && result.Metadata is { } metadata && metadata.Version > (Stored?.Version ?? -1))
            {
                Install(metadata);
                // Raised under the gate, so announcements leave in commit order.
                ChangeApplied?.Invoke(this, metadata.Version);
            }

            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Loads the store's current version when it is newer than the one served; returns whether it was.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var current = Stored;
        var latest = -1L;
        if (current is not null)
        {
            latest = await store.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            if (latest <= current.Version)
            {
                return false;
            }
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The poll and an announcement can ask at the same moment: whoever waited finds the version loaded.
            if (Stored is { } loaded && latest <= loaded.Version)
            {
                return false;
            }

            var metadata = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (Stored is { } served && metadata.Version <= served.Version)
            {
                return false;
            }

            Install(metadata);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private void Install(StoredMetadata metadata)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var snapshot = builder.Build(metadata, holder.TryCurrent);
        holder.TrySwap(snapshot);
        Volatile.Write(ref stored, metadata);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        RuntimeMetrics.SnapshotInstalled(metadata.Version, elapsed);
        LogInstalled(metadata.Version, metadata.Resources.Count, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "serving metadata version {Version} ({Resources} resources, compiled in {Milliseconds:F1} ms)")]
    private partial void LogInstalled(long version, int resources, double milliseconds);
}
