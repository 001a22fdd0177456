using System.Threading.Channels;

namespace Engine.Runtime.Events;

/// <summary>One subscriber's buffered view of the feed for one resource; dispose it to unsubscribe.</summary>
public sealed class RecordEventSubscription : IDisposable
{
    private readonly Channel<RecordEvent> channel;
    private readonly Action<RecordEventSubscription> unsubscribe;
    private int disposed;

    /// <summary>Creates a subscription whose buffer holds <paramref name="capacity"/> events.</summary>
    public RecordEventSubscription(string resource, int capacity, Action<RecordEventSubscription> unsubscribe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Resource = resource;
        this.unsubscribe = unsubscribe;
        channel = Channel.CreateBounded<RecordEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The resource whose events this subscription receives.</summary>
    public string Resource { get; }

    /// <summary>The events in commit order per record; completes with <see cref="SubscriberTooSlowException"/> on overflow.</summary>
    public ChannelReader<RecordEvent> Events => channel.Reader;

    /// <summary>Offers one event without waiting; a full buffer ends the subscription (the feed calls this).</summary>
    public void Deliver(RecordEvent recordEvent)
    {
        if (!channel.Writer.TryWrite(recordEvent) && Volatile.Read(ref disposed) == 0)
        {
            channel.Writer.TryComplete(new SubscriberTooSlowException(Resource));
        }
    }

    /// <summary>Ends the subscription with an error (e.g. the resource was removed); the reader sees it after the buffered events.</summary>
    public void Fail(Exception error) => channel.Writer.TryComplete(error);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            channel.Writer.TryComplete();
            unsubscribe(this);
        }
    }
}
