using System.Collections.Concurrent;
using Engine.Runtime.Events;

namespace Engine.Events.Feed;

/// <summary>
/// This pod's subscribers, per resource. Delivering reads an immutable array (subscribing copies it), so dispatching
/// takes no lock, and each subscription's <see cref="RecordEventSubscription.Deliver"/> never waits: a writer's event
/// reaches every subscriber without any of them slowing it or each other down.
/// </summary>
public sealed class RecordEventFeed(EventsOptions options) : IRecordEventFeed
{
    private readonly ConcurrentDictionary<string, RecordEventSubscription[]> subscribers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public RecordEventSubscription Subscribe(string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        var subscription = new RecordEventSubscription(resource, options.SubscriberBuffer, Unsubscribe);
        lock (gate)
        {
            var current = subscribers.GetValueOrDefault(resource) ?? [];
            subscribers[resource] = [.. current, subscription];
        }

        return subscription;
    }

    /// <summary>Hands <paramref name="recordEvent"/> to every subscriber of its resource.</summary>
    public void Dispatch(RecordEvent recordEvent)
    {
        if (subscribers.TryGetValue(recordEvent.Resource, out var current))
        {
            foreach (var subscription in current)
            {
                subscription.Deliver(recordEvent);
            }
        }
    }

    /// <summary>The number of open subscriptions to <paramref name="resource"/>.</summary>
    public int SubscriberCount(string resource) => subscribers.GetValueOrDefault(resource)?.Length ?? 0;

    private void Unsubscribe(RecordEventSubscription subscription)
    {
        lock (gate)
        {
            if (!subscribers.TryGetValue(subscription.Resource, out var current))
            {
                return;
            }

            var remaining = Array.FindAll(current, s => !ReferenceEquals(s, subscription));
            if (remaining.Length == 0)
            {
                subscribers.TryRemove(subscription.Resource, out _);
            }
            else
            {
                subscribers[subscription.Resource] = remaining;
            }
        }
    }
}
