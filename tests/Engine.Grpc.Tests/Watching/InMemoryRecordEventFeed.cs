using Engine.Runtime.Events;

namespace Engine.Grpc.Tests.Watching;

/// <summary>
/// Stands in for the engine's event feed (Engine.Events) in unit tests: <see cref="Publish"/> offers an event to every
/// subscription of its resource without waiting, exactly as <see cref="IRecordEventFeed"/> promises.
/// </summary>
internal sealed class InMemoryRecordEventFeed(int capacity = 64) : IRecordEventFeed
{
    private readonly Lock gate = new();
    private readonly List<RecordEventSubscription> subscriptions = [];

    /// <summary>Subscriptions not yet disposed.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return subscriptions.Count;
            }
        }
    }

    public RecordEventSubscription Subscribe(string resource)
    {
        var subscription = new RecordEventSubscription(resource, capacity, Remove);
        lock (gate)
        {
            subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void Publish(RecordEvent recordEvent)
    {
        foreach (var subscription in Snapshot())
        {
            if (subscription.Resource == recordEvent.Resource)
            {
                subscription.Deliver(recordEvent);
            }
        }
    }

    /// <summary>Ends every subscription with <paramref name="error"/>.</summary>
    public void FailAll(Exception error)
    {
        foreach (var subscription in Snapshot())
        {
            subscription.Fail(error);
        }
    }

    private RecordEventSubscription[] Snapshot()
    {
        lock (gate)
        {
            return [.. subscriptions];
        }
    }

    private void Remove(RecordEventSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Remove(subscription);
        }
    }
}
