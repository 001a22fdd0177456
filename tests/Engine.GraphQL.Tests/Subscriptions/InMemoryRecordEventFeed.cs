using System.Collections.Concurrent;
using System.Text;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Tests.Subscriptions;

/// <summary>
/// A test double of the record event feed (not of the database): tests publish events by hand and see who subscribed.
/// Deliveries never wait, as in the real feed; a full buffer ends the subscription as too slow.
/// </summary>
internal sealed class InMemoryRecordEventFeed(int capacity = 64) : IRecordEventFeed
{
    private readonly ConcurrentDictionary<RecordEventSubscription, byte> subscriptions = new();

    /// <inheritdoc/>
    public RecordEventSubscription Subscribe(string resource)
    {
        var subscription = new RecordEventSubscription(resource, capacity, s => subscriptions.TryRemove(s, out _));
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>How many subscriptions to <paramref name="resource"/> are open.</summary>
    public int SubscriberCount(string resource) => subscriptions.Keys.Count(s => s.Resource == resource);

    /// <summary>Delivers an event to every subscriber of its resource.</summary>
    public void Publish(RecordEvent recordEvent)
    {
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.Resource == recordEvent.Resource)
            {
                subscription.Deliver(recordEvent);
            }
        }
    }

    /// <summary>Ends every subscription of <paramref name="resource"/> with <paramref name="error"/>.</summary>
    public void Fail(string resource, Exception error)
    {
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.Resource == resource)
            {
                subscription.Fail(error);
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> subscriptions to <paramref name="resource"/> are open.</summary>
    public async Task WaitForSubscribersAsync(string resource, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (SubscriberCount(resource) < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>An event of a <c>Post</c> with <paramref name="data"/> (and <paramref name="previous"/> for updates) as JSON text.</summary>
    public static RecordEvent PostEvent(RecordAction action, Guid id, string data, string? previous = null, params string[] updatedFields) =>
        new(Guid.NewGuid(), "Post", action, id, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(data),
            previous is null ? null : Encoding.UTF8.GetBytes(previous), updatedFields);
}
