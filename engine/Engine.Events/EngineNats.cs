using NATS.Client.Core;

namespace Engine.Events;

/// <summary>
/// This pod's one NATS connection, shared by the event relay, the record event feed and metadata propagation; null
/// when <c>Nats:Url</c> is not configured (a single pod with the in-process bus).
/// </summary>
public sealed class EngineNats : IAsyncDisposable
{
    /// <summary>Creates the connection for <paramref name="url"/> (none when null or empty); it connects on first use.</summary>
    public EngineNats(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        // The pod must start while NATS is down and keep trying for as long as it runs: events wait in the outbox.
        Connection = new NatsConnection(NatsOpts.Default with
        {
            Url = url,
            Name = "engine",
            RetryOnInitialConnect = true,
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
        });
    }

    /// <summary>The shared connection, or null without NATS.</summary>
    public NatsConnection? Connection { get; }

    /// <summary>True when <c>Nats:Url</c> is configured.</summary>
    public bool IsConfigured => Connection is not null;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
