using System.Collections.Concurrent;
using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Runtime.Events;

namespace Engine.Events.Tests.Support;

/// <summary>
/// A publisher whose acknowledgements arrive later and out of order, like JetStream's under load: it records each event when
/// it is sent, acknowledges it after a varying delay, and fails the events of <see cref="FailingRecord"/>.
/// </summary>
internal sealed class LateAcknowledgingPublisher : IEventPublisher
{
    private readonly ConcurrentDictionary<Guid, bool> acknowledged = new();
    private int sent;

    /// <summary>Events in the order they were sent, each with whether the same record's previous event was acknowledged by then.</summary>
    public ConcurrentQueue<(RecordEvent Event, bool PreviousAcknowledged)> Sent { get; } = new();

    /// <summary>The most events that were in flight at once.</summary>
    public int MostInFlight { get; private set; }

    public Guid? FailingRecord { get; set; }

    private readonly ConcurrentDictionary<Guid, Guid> lastOfRecord = new();
    private int inFlight;

    public async ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        var previous = lastOfRecord.TryGetValue(recordEvent.RecordId, out var last) ? last : (Guid?)null;
        Sent.Enqueue((recordEvent, previous is null || acknowledged.ContainsKey(previous.Value)));
        lastOfRecord[recordEvent.RecordId] = recordEvent.Id;
        MostInFlight = Math.Max(MostInFlight, Interlocked.Increment(ref inFlight));
        try
        {
            // Later sends are acknowledged sooner, so acknowledgements come back in a different order.
            var order = Interlocked.Increment(ref sent);
            await Task.Delay(TimeSpan.FromMilliseconds(5 + (7 * order % 11)), cancellationToken);
            if (recordEvent.RecordId == FailingRecord)
            {
                throw new InvalidOperationException("the destination refused this event");
            }

            acknowledged[recordEvent.Id] = true;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
