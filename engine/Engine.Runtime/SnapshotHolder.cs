namespace Engine.Runtime;

/// <summary>Holds the current snapshot; swaps are atomic and only ever move to a newer version.</summary>
public sealed class SnapshotHolder
{
    /// <summary>How long a request that ran into a newer version's schema waits for this pod to serve that version.</summary>
    public static readonly TimeSpan CatchUpPatience = TimeSpan.FromSeconds(3);

    private EngineSnapshot? current;
    private TaskCompletionSource swapped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The snapshot requests use; throws until the first version is loaded (see <see cref="IsReady"/>).</summary>
    public EngineSnapshot Current => Volatile.Read(ref current) ?? throw new InvalidOperationException("metadata is not loaded yet");

    /// <summary>True once a snapshot is loaded.</summary>
    public bool IsReady => Volatile.Read(ref current) is not null;

    /// <summary>The current snapshot, or null before the first load.</summary>
    public EngineSnapshot? TryCurrent => Volatile.Read(ref current);

    /// <summary>Replaces the snapshot unless a newer one is already current; returns whether it did.</summary>
    public bool TrySwap(EngineSnapshot next)
    {
        while (true)
        {
            var seen = Volatile.Read(ref current);
            if (seen is not null && seen.Version >= next.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref current, next, seen) == seen)
            {
                Interlocked.Exchange(ref swapped, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                return true;
            }
        }
    }

    /// <summary>
    /// A snapshot newer than <paramref name="version"/>, waiting up to <see cref="CatchUpPatience"/> for one to be
    /// swapped in; null when none came. For a request the database refused because a newer version removed a column or
    /// table it names (<c>ErrorCode.StaleMetadata</c>): the pod that made the change serves it right after its commit,
    /// the others on its announcement or their next poll.
    /// </summary>
    public async Task<EngineSnapshot?> NewerThanAsync(long version, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CatchUpPatience;
        while (true)
        {
            // Read the signal before the snapshot: a swap in between is then either seen here or completes this signal.
            var signal = Volatile.Read(ref swapped);
            if (Volatile.Read(ref current) is { } served && served.Version > version)
            {
                return served;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await signal.Task.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }
}
