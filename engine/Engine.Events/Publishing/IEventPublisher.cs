using Engine.Events.Conversion;
using Engine.Runtime.Events;

namespace Engine.Events.Publishing;

/// <summary>Where the outbox relay hands events: JetStream when NATS is configured, the in-process bus otherwise.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Publishes one event and returns once the destination has it (JetStream acknowledged it); throws when it could
    /// not, and the relay keeps the event in the outbox and retries. The relay calls it for several events (of different
    /// records) before awaiting the first, and cancels <paramref name="cancellationToken"/> when it stops waiting (its publish
    /// timeout or shutdown).
    /// </summary>
    ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken);
}
