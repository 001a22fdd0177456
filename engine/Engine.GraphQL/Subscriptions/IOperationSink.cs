namespace Engine.GraphQL.Subscriptions;

/// <summary>Where an operation's protocol messages go (a WebSocket connection's outbound queue); sends are serialized there.</summary>
internal interface IOperationSink
{
    /// <summary>Queues one message (a complete UTF-8 JSON text frame) for the client.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}
