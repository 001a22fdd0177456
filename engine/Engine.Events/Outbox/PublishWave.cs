using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Runtime.Events;

namespace Engine.Events.Outbox;

/// <summary>
/// The events of one relay batch that are in flight together: publishing them one after the other would cost a round trip to
/// JetStream per event, so every event of a wave is sent before the first acknowledgement is awaited. A wave holds at most
/// one event per record (the relay completes the wave before a record's next event), and shares one timeout.
/// </summary>
internal sealed class PublishWave(IEventPublisher publisher, int timeoutMilliseconds)
{
    private readonly List<(long Seq, Guid EventId, Task Publish)> inFlight = [];
    private readonly HashSet<Guid> records = [];
    private CancellationTokenSource? timeout;

    /// <summary>How many events were acknowledged by all the waves so far.</summary>
    public int Published { get; private set; }

    /// <summary>Whether an event of <paramref name="recordId"/> is in this wave.</summary>
    public bool Has(Guid recordId) => records.Contains(recordId);

    /// <summary>Sends the event of <paramref name="row"/>; a publisher that throws at once fails only this event.</summary>
    public void Start(OutboxRow row, RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        if (timeout is null)
        {
            timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(timeoutMilliseconds);
        }

        Task publish;
        try
        {
            publish = publisher.PublishAsync(recordEvent, names, timeout.Token).AsTask();
        }
        catch (Exception e)
        {
            publish = Task.FromException(e);
        }

        inFlight.Add((row.Seq, recordEvent.Id, publish));
        records.Add(row.RecordId);
    }

    /// <summary>
    /// Waits for every acknowledgement, adds the rows that were published to <paramref name="delivered"/>, and returns the
    /// first failure (null when all succeeded); the wave is then empty again. Cancellation of <paramref name="cancellationToken"/>
    /// (shutdown) is thrown, so the relay's transaction rolls back and the rows stay pending.
    /// </summary>
    public async Task<Exception?> CompleteAsync(List<long> delivered, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        foreach (var (seq, eventId, publish) in inFlight)
        {
            try
            {
                await publish.ConfigureAwait(false);
                delivered.Add(seq);
                Published++;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure ??= new TimeoutException($"the destination did not acknowledge event {eventId} within {timeoutMilliseconds} ms");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure ??= e;
            }
        }

        inFlight.Clear();
        records.Clear();
        timeout?.Dispose();
        timeout = null;
        return failure;
    }
}
