using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Engine.GraphQL.Subscriptions;

namespace Engine.GraphQL.Tests.Subscriptions;

/// <summary>Collects the protocol messages an operation sends, for tests to read in order.</summary>
internal sealed class RecordingSink : IOperationSink
{
    private readonly Channel<string> messages = Channel.CreateUnbounded<string>();

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        messages.Writer.WriteAsync(Encoding.UTF8.GetString(message.Span), cancellationToken);

    /// <summary>The next message's text; fails after a few seconds without one.</summary>
    public async Task<string> NextTextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await messages.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next message, parsed.</summary>
    public async Task<JsonElement> NextAsync() => JsonDocument.Parse(await NextTextAsync()).RootElement;

    /// <summary>True when no message is waiting.</summary>
    public bool IsEmpty => !messages.Reader.TryPeek(out _);
}
