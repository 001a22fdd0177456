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
    private readonly string source;
    private readonly SemaphoreSlim streamLock = new(1, 1);
    private volatile bool streamReady;

    /// <summary>A publisher over the shared connection; requires <c>Nats:Url</c>.</summary>
    public JetStreamEventPublisher(EngineNats nats, EventsOptions options)
    {
        var connection = nats.Connection ?? throw new InvalidOperationException("publishing to JetStream needs Nats:Url");
        jetStream = new NatsJSContext(connection);
        source = options.Source;
    }

    /// <summary>The stream's configuration: every record event subject, file storage, the duplicate window.</summary>
    public static StreamConfig StreamConfig() => new(StreamName, [ResourceEventNames.AllSubjects])
    {
        Storage = StreamConfigStorage.File,
        DuplicateWindow = DuplicateWindow,
    };

    /// <inheritdoc/>
    /// <remarks>The relay's token carries the publish timeout (<c>Events:PublishTimeoutMilliseconds</c>) for a whole wave of events.</remarks>
    public async ValueTask PublishAsync(RecordEvent recordEvent, ResourceEventNames names, CancellationToken cancellationToken)
    {
        try
        {
            if (!streamReady)
            {
                await EnsureStreamAsync(cancellationToken).ConfigureAwait(false);
            }

            var ack = await jetStream.PublishAsync(
                names.Subject(recordEvent.Action),
                CloudEventFormat.Write(recordEvent, names, source),
                Serializer,
                new NatsJSPubOpts { MsgId = recordEvent.Id.ToString() },
                new NatsHeaders { ["Content-Type"] = CloudEventFormat.ContentType },
                cancellationToken).ConfigureAwait(false);
            // A duplicate is a success: the stream already has the event, which is what the message id is for.
            if (!ack.Duplicate)
            {
                ack.EnsureSuccess();
            }
        }
        catch
        {
            streamReady = false;
            throw;
        }
    }

    /// <summary>Creates or updates the stream once for the events the relay sends together, not once per event.</summary>
    private async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        await streamLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!streamReady)
            {
                await jetStream.CreateOrUpdateStreamAsync(StreamConfig(), cancellationToken).ConfigureAwait(false);
                streamReady = true;
            }
        }
        finally
        {
            streamLock.Release();
        }
    }
}
