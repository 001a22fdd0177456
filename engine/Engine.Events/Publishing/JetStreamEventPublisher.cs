using Engine.Events.Conversion;
using Engine.Runtime.Events;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Engine.Events.Publishing;

/// <summary>
/// Publishes record events to the JetStream stream <c>ENGINE_EVENTS</c> as CloudEvents with <c>Nats-Msg-Id</c> = event
/// id, so a republished event (after a failure the relay could not tell from a loss) is dropped by the stream's
/// duplicate window. The stream is created or updated before the first publish and again after any failure, which
/// covers a server that came back with an empty store.
/// </summary>
public sealed class JetStreamEventPublisher : IEventPublisher
{
    /// <summary>The stream's name (SPEC §5).</summary>
    public const string StreamName = "ENGINE_EVENTS";

    /// <summary>How long JetStream remembers message ids to drop duplicates.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(2);

    private static readonly NatsRawSerializer<byte[]> Serializer = NatsRawSerializer<byte[]>.Default;

    private readonly NatsJSContext jetStream;
    private readonly EventsOptions options;
    private volatile bool streamReady;

    /// <summary>A publisher over the shared connection; requires <c>Nats:Url</c>.</summary>
    public JetStreamEventPublisher(EngineNats nats, EventsOptions options)
    {
        var connection = nats.Connection ?? throw new InvalidOperationException("publishing to JetStream needs Nats:Url");
        jetStream = new NatsJSContext(connection);
        this.options = options;
    }

    /// <summary>The stream's configuration: every record event subject, file storage, the duplicate window.</summary>
    public static StreamConfig StreamConfig() => new(StreamName, [ResourceEventNames.AllSubjects])
    {
        Storage = StreamConfigStorage.File,
        DuplicateWindow = DuplicateWindow,
    };

    /// <inheritdoc/>
    public async ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeoutMilliseconds);
        try
        {
            if (!streamReady)
            {
                await jetStream.CreateOrUpdateStreamAsync(StreamConfig(), timeout.Token).ConfigureAwait(false);
                streamReady = true;
            }

            var headers = new NatsHeaders { ["Content-Type"] = CloudEventFormat.ContentType };
            var ack = await jetStream.PublishAsync(
                names.Subject(recordEvent.Action),
                CloudEventFormat.Write(recordEvent, names, options.Source),
                Serializer,
                new NatsJSPubOpts { MsgId = recordEvent.Id.ToString() },
                headers,
                timeout.Token).ConfigureAwait(false);
            // A duplicate is a success: the stream already has the event, which is what the message id is for.
            if (!ack.Duplicate)
            {
                ack.EnsureSuccess();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            streamReady = false;
            throw new TimeoutException($"JetStream did not acknowledge event {recordEvent.Id} within {options.PublishTimeoutMilliseconds} ms");
        }
        catch
        {
            streamReady = false;
            throw;
        }
    }
}
