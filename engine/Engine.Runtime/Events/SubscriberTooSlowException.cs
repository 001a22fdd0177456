namespace Engine.Runtime.Events;

/// <summary>Ends a subscription whose reader fell so far behind that its buffer overflowed.</summary>
public sealed class SubscriberTooSlowException(string resource)
    : Exception($"the subscription to {resource} events fell too far behind and was closed; subscribe again");
