using Engine.Events.Feed;
using Engine.Runtime.Events;

namespace Engine.Events.Tests.Feed;

public sealed class RecordEventFeedTests
{
    [Fact]
    public async Task Dispatch_SubscribedResource_SubscriberReceivesTheEvent()
    {
        var feed = new RecordEventFeed(new EventsOptions());
        using var subscription = feed.Subscribe("Post");
        var recordEvent = Event("Post");

        feed.Dispatch(recordEvent);

        Assert.Same(recordEvent, await subscription.Events.ReadAsync());
    }

    [Fact]
    public void Dispatch_OtherResource_SubscriberReceivesNothing()
    {
        var feed = new RecordEventFeed(new EventsOptions());
        using var subscription = feed.Subscribe("Post");

        feed.Dispatch(Event("Comment"));

        Assert.False(subscription.Events.TryRead(out _));
    }

    [Fact]
    public async Task Dispatch_SlowSubscriber_IsClosedAsTooSlowWhileAnotherKeepsReceiving()
    {
        var feed = new RecordEventFeed(new EventsOptions { SubscriberBuffer = 4 });
        using var slow = feed.Subscribe("Post");
        using var fast = feed.Subscribe("Post");
        var received = 0;

        for (var i = 0; i < 10; i++)
        {
            feed.Dispatch(Event("Post"));
            while (fast.Events.TryRead(out _))
            {
                received++;
            }
        }

        Assert.Equal(10, received);
        var buffered = 0;
        while (slow.Events.TryRead(out _))
        {
            buffered++;
        }

        Assert.Equal(4, buffered);
        var error = await Assert.ThrowsAsync<SubscriberTooSlowException>(() => slow.Events.Completion);
        Assert.Contains("Post", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_Subscription_RemovesItAndCompletesItsReader()
    {
        var feed = new RecordEventFeed(new EventsOptions());
        var subscription = feed.Subscribe("Post");
        using var other = feed.Subscribe("Post");

        subscription.Dispose();
        feed.Dispatch(Event("Post"));

        Assert.Equal(1, feed.SubscriberCount("Post"));
        await subscription.Events.Completion;
        Assert.True(other.Events.TryRead(out _));
    }

    private static RecordEvent Event(string resource) =>
        new(Guid.NewGuid(), resource, RecordAction.Created, Guid.NewGuid(), DateTimeOffset.UtcNow, "{}"u8.ToArray(), null, []);
}
