using System.Collections.Concurrent;
using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Runtime.Events;

namespace Engine.Events.Tests.Support;

/// <summary>A publisher that keeps what it is given, and fails while <see cref="Failing"/> is set.</summary>
internal sealed class RecordingPublisher : IEventPublisher
{
    public ConcurrentQueue<RecordEvent> Published { get; } = new();

    public volatile bool Failing;

    public int Attempts;

    public ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        if (Failing)
        {
            throw new InvalidOperationException("the destination is down");
        }

        Published.Enqueue(recordEvent);
        return ValueTask.CompletedTask;
    }

    public List<RecordEvent> Of(string resource) => Published.Where(e => e.Resource == resource).ToList();
}
