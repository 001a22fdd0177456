namespace Engine.Runtime;

/// <summary>Holds the current snapshot; swaps are atomic and only ever move to a newer version.</summary>
public sealed class SnapshotHolder
{
    private EngineSnapshot? current;

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
                return true;
            }
        }
    }
}
