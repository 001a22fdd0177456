using Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Engine.Events.Propagation;

/// <summary>
/// Subscribes <c>engine.meta.changed</c> and loads an announced version at once, so a change made on another pod is
/// served here within milliseconds instead of at the next poll. Without NATS it does nothing: the poll is the fallback.
/// </summary>
public sealed partial class MetadataChangeListener(
    INatsConnection? nats, MetadataRefreshTrigger trigger, ILogger<MetadataChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan ResubscribeDelay = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (nats is null)
        {
            LogPollingOnly();
            return;
        }

        var refreshing = trigger.RunAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(nats, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // NATS down at start-up or the connection disposed: the poll covers the gap, and we try again.
                    LogSubscribeFailed(e);
                    await Task.Delay(ResubscribeDelay, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await refreshing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ListenAsync(INatsConnection connection, CancellationToken stoppingToken)
    {
        await foreach (var message in connection.SubscribeAsync<byte[]>(MetadataAnnouncement.Subject, cancellationToken: stoppingToken)
            .ConfigureAwait(false))
        {
            if (message.Data is { } data && MetadataAnnouncement.TryDecode(data, out var version))
            {
                trigger.Request(version);
            }
            else
            {
                LogMalformed();
            }
        }
    }

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "NATS is not configured: metadata changes of other pods are found by polling")]
    private partial void LogPollingOnly();

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "subscribing to engine.meta.changed failed; retrying (polling meanwhile)")]
    private partial void LogSubscribeFailed(Exception exception);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "ignored a message on engine.meta.changed without a version number")]
    private partial void LogMalformed();
}
