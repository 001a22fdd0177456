using System.Threading.Channels;
using Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Engine.Events.Propagation;

/// <summary>
/// Loads a newer metadata version as soon as one is announced, off the request path. Bursts coalesce: while a load
/// runs, any number of announcements leave one more wake-up, and each load takes the store's current version.
/// </summary>
public sealed partial class MetadataRefreshTrigger(MetadataRuntime runtime, ILogger<MetadataRefreshTrigger> logger)
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long wanted;

    /// <summary>Asks for <paramref name="version"/>; returns false (and does nothing) when it is already served.</summary>
    public bool Request(long version)
    {
        if (runtime.Stored is not { } served || version <= served.Version)
        {
            // Before the first load there is nothing to refresh: start-up loads the current version anyway.
            return false;
        }

        var seen = Volatile.Read(ref wanted);
        while (seen < version)
        {
            var previous = Interlocked.CompareExchange(ref wanted, version, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        wakeUps.Writer.TryWrite(true);
        return true;
    }

    /// <summary>Serves requested versions until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in wakeUps.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            while (runtime.Stored is { } served && Volatile.Read(ref wanted) > served.Version)
            {
                try
                {
                    // False means the store has nothing newer (an announcement ahead of the store, or a bogus one):
                    // the poll takes over rather than this loop spinning.
                    if (!await runtime.RefreshAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRefreshFailed(e);
                    break;
                }
            }
        }
    }

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "loading an announced metadata version failed; the poll retries")]
    private partial void LogRefreshFailed(Exception exception);
}
