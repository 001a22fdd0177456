namespace Engine.Events.Feed;

/// <summary>
/// The last few thousand event ids a listener saw. The relay may publish an event again after a failed attempt
/// (JetStream's duplicate window drops it from the stream, but core NATS subscribers see every publish), so the
/// listener drops ids it has just seen. Not thread-safe: one listener loop owns it.
/// </summary>
internal sealed class RecentEventIds(int capacity)
{
    private readonly HashSet<Guid> seen = new(capacity);
    private readonly Queue<Guid> order = new(capacity);

    /// <summary>Remembers <paramref name="id"/>; false when it was already among the recent ones.</summary>
    public bool Add(Guid id)
    {
        if (!seen.Add(id))
        {
            return false;
        }

        if (order.Count == capacity)
        {
            seen.Remove(order.Dequeue());
        }

        order.Enqueue(id);
        return true;
    }
}
