using Engine.Events.Conversion;
using Engine.Events.Feed;
using Engine.Runtime.Events;

namespace Engine.Events.Publishing;

/// <summary>The destination without NATS (one pod): events go straight to this pod's <see cref="RecordEventFeed"/>.</summary>
public sealed class InProcessEventBus(RecordEventFeed feed) : IEventPublisher
{
    /// <inheritdoc/>
    public ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        feed.Dispatch(recordEvent);
        return ValueTask.CompletedTask;
    }
}
