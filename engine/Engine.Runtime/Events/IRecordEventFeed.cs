namespace Engine.Runtime.Events;

/// <summary>
/// This pod's live feed of committed record changes, from every pod (through NATS when configured, the in-process
/// bus otherwise). GraphQL subscriptions and gRPC Watch streams read it; they never block the writers.
/// </summary>
public interface IRecordEventFeed
{
    /// <summary>
    /// Starts receiving the events of <paramref name="resource"/> committed from now on. Each subscription has its own
    /// bounded buffer: a subscriber that falls behind by more than it holds is completed with
    /// <see cref="SubscriberTooSlowException"/> instead of slowing anyone else down. Dispose to stop.
    /// </summary>
    RecordEventSubscription Subscribe(string resource);
}
