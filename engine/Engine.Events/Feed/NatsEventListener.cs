using Engine.Events.Conversion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Engine.Events.Feed;

/// <summary>
/// Feeds this pod's <see cref="RecordEventFeed"/> from NATS: one core subscription to <c>engine.events.&gt;</c> per pod
/// (every pod sees every event, whichever pod relayed it), parsing each CloudEvents message back into a record event.
/// Malformed messages are logged and skipped. The connection resubscribes by itself after a reconnect.
/// </summary>
public sealed partial class NatsEventListener(EngineNats nats, RecordEventFeed feed, ILogger<NatsEventListener> logger) : BackgroundService
{
    private const int RecentIdCapacity = 8192;

    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the subscription is registered with the server, so events published after it arrive.</summary>
    public Task Subscribed => subscribed.Task;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = nats.Connection ?? throw new InvalidOperationException("the NATS event listener needs Nats:Url");
        var recent = new RecentEventIds(RecentIdCapacity);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var subscription = await connection
                    .SubscribeCoreAsync<byte[]>(ResourceEventNames.AllSubjects, cancellationToken: stoppingToken).ConfigureAwait(false);
                await connection.PingAsync(stoppingToken).ConfigureAwait(false);
                subscribed.TrySetResult();
                await foreach (var message in subscription.Msgs.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    Receive(message, recent);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSubscriptionFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Receive(NatsMsg<byte[]> message, RecentEventIds recent)
    {
        if (!CloudEventReader.TryRead(message.Data, out var recordEvent, out var error))
        {
            LogMalformed(message.Subject, error!);
            return;
        }

        if (recent.Add(recordEvent!.Id))
        {
            feed.Dispatch(recordEvent);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "skipped a malformed record event on {Subject}: {Error}")]
    private partial void LogMalformed(string subject, string error);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "the subscription to record events failed; subscribing again")]
    private partial void LogSubscriptionFailed(Exception exception);
}
