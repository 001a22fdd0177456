using System.Text.Json;
using System.Threading.Channels;
using Engine.Grpc.Codec;
using Engine.Grpc.Serving;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Runtime;
using Engine.Runtime.Events;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Grpc.Watching;

/// <summary>
/// Serves <c>Watch&lt;Rs&gt;</c> (SPEC §4): subscribes to the resource's events on this pod's
/// <see cref="IRecordEventFeed"/>, keeps those whose record matches the request's AIP-160 filter (the record after the
/// change; before it for a delete) and writes each as a <c>&lt;R&gt;Event</c>.
/// </summary>
/// <remarks>
/// The filter is checked against one record, so an update that makes a record stop matching is not sent, and paths
/// through relations are refused (INVALID_ARGUMENT). Response headers are sent once the subscription exists, so a client that awaits them receives every change
/// committed afterwards. The stream runs until the client cancels or its deadline passes. It ends with
/// RESOURCE_EXHAUSTED when the client reads so slowly that its buffer overflows, after the events buffered until then
/// (the feed never waits for a subscriber, so writers are never slowed; the client should watch again and re-read what
/// it missed), NOT_FOUND when
/// the resource is removed, ABORTED when the feed ends the subscription for another reason, and UNAVAILABLE when the
/// feed closes (the server is stopping) or no feed is configured.
/// </remarks>
public sealed partial class WatchStreams(
    SnapshotHolder snapshots, ILogger<WatchStreams> logger, IRecordEventFeed? feed = null, IHostApplicationLifetime? lifetime = null,
    IPlanExecutor? plans = null)
{
    /// <summary>How often a stream checks that its resource still exists (removal sends no event).</summary>
    internal TimeSpan RemovalCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs one <c>Watch&lt;Rs&gt;</c> call of <paramref name="resource"/> for <paramref name="caller"/> until it ends:
    /// PERMISSION_DENIED without read access; otherwise only the records and fields the caller may read
    /// (<see cref="SubscriberAccess"/>).
    /// </summary>
    public async Task WatchAsync(string resource, byte[] request, IServerStreamWriter<byte[]> responses, ServerCallContext context, RequestContext caller)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = snapshots.Current;
        var part = Find(snapshot, resource)
            ?? throw new RpcException(new Status(StatusCode.Unimplemented, $"service {ProtoNames.Service(resource)} is not served"));
        var access = Access(snapshot, part, caller);
        var (filter, violations) = WatchRequestReader.Read(request);
        var predicate = WatchFilter.Compile(filter ?? throw GrpcErrors.InvalidArgument(violations), part.Resource, snapshot.Model, access);
        if (feed is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "record events are not available on this server"));
        }

        using var subscription = feed.Subscribe(resource);
        // Shutdown ends the stream with OK at once (the client watches again, on another pod) rather than when the
        // shutdown timeout aborts it.
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        var removal = CancelWhenRemovedAsync(resource, stop);
        try
        {
            await context.WriteResponseHeadersAsync([]).ConfigureAwait(false);
            await StreamAsync(subscription.Events, resource, new Subscriber(caller, access, WriterFor(part, snapshot.Model, access)), snapshot, predicate,
                responses, stop.Token).ConfigureAwait(false);
            throw new RpcException(new Status(StatusCode.Unavailable, "the event feed closed (the server is stopping); watch again"));
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the framework reports that status.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogEndedByShutdown(resource);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw Removed(resource);
        }
        catch (Exception e) when (e is not RpcException)
        {
            LogUnexpected(e, context.Method);
            throw new RpcException(new Status(StatusCode.Internal, GrpcErrors.InternalMessage));
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await removal.ConfigureAwait(false);
        }
    }

    private async Task StreamAsync(
        ChannelReader<RecordEvent> events,
        string resource,
        Subscriber subscriber,
        EngineSnapshot snapshot,
        Func<JsonElement, bool> predicate,
        IServerStreamWriter<byte[]> responses,
        CancellationToken cancellationToken)
    {
        var seen = snapshot;
        while (await WaitForEventsAsync(events, resource, cancellationToken).ConfigureAwait(false))
        {
            while (events.TryRead(out var recordEvent))
            {
                // Write with the newest field layout: the feed converts events with the current model too.
                var current = snapshots.Current;
                if (!ReferenceEquals(current, seen))
                {
                    seen = current;
                    if (Find(current, resource) is { } part)
                    {
                        var access = Access(current, part, subscriber.Caller);
                        subscriber = subscriber with { Access = access, Writer = WriterFor(part, current.Model, access) };
                    }
                }

                if (Masked(recordEvent, subscriber.Access) is { } visible
                    && await MatchesAsync(predicate, visible, subscriber, seen, cancellationToken).ConfigureAwait(false))
                {
                    await responses.WriteAsync(subscriber.Writer.Write(visible), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>False when the feed closed the subscription; its error (the feed ended it) as the stream's status.</summary>
    private async Task<bool> WaitForEventsAsync(ChannelReader<RecordEvent> events, string resource, CancellationToken cancellationToken)
    {
        try
        {
            return await events.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Ended(e is ChannelClosedException { InnerException: { } inner } ? inner : e, resource);
        }
    }

    private async Task<bool> MatchesAsync(
        Func<JsonElement, bool> predicate, RecordEvent recordEvent, Subscriber subscriber, EngineSnapshot snapshot, CancellationToken cancellationToken)
    {
        var access = subscriber.Access;
        if (ReferenceEquals(predicate, WatchFilter.Everything) && !access.NeedsRecord && !access.NeedsDatabaseCheck)
        {
            return true;
        }

        using var document = JsonDocument.Parse(recordEvent.Data);
        if (!predicate(document.RootElement))
        {
            return false;
        }

        if (access.NeedsDatabaseCheck && plans is null)
        {
            // Without a plan executor (tests that only stream), an undecidable row filter withholds the event.
            return false;
        }

        return access.NeedsDatabaseCheck
            ? await access.DeliversAsync(recordEvent, document.RootElement, snapshot.Model, plans!, subscriber.Caller, cancellationToken).ConfigureAwait(false)
            : access.Visible(document.RootElement);
    }

    /// <summary>The caller's read access; PERMISSION_DENIED when it has none.</summary>
    private static SubscriberAccess Access(EngineSnapshot snapshot, CompiledResource part, RequestContext caller)
    {
        var access = SubscriberAccess.For(snapshot.Model, part.Resource, caller);
        return access.Grant.Allowed ? access : throw GrpcErrors.From(access.Grant.Denied());
    }

    /// <summary>The event writer of the fields the caller may read (the compiled one when it may read them all).</summary>
    private static EventMessageWriter WriterFor(CompiledResource part, SchemaModel model, SubscriberAccess access) =>
        access.AllFields
            ? part.Events
            : EventMessageWriter.Compile(ResourceMessageWriter.Compile(part.Resource, model, part.Resource.Fields.Where(f => access.CanRead(f.Name)).ToArray()));

    /// <summary>The event with only the updated fields the caller may read; null for an update that changed none of them.</summary>
    private static RecordEvent? Masked(RecordEvent recordEvent, SubscriberAccess access)
    {
        if (access.AllFields || recordEvent.UpdatedFields.Count == 0)
        {
            return recordEvent;
        }

        var readable = access.Readable(recordEvent.UpdatedFields);
        return readable.Count == 0 ? null : ReferenceEquals(readable, recordEvent.UpdatedFields) ? recordEvent : recordEvent with { UpdatedFields = readable };
    }

    /// <summary>Cancels <paramref name="stop"/> when the resource leaves the metadata; ends when <paramref name="stop"/> is cancelled.</summary>
    private async Task CancelWhenRemovedAsync(string resource, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(RemovalCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                if (Find(snapshots.Current, resource) is null)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The stream ended first.
        }
    }

    /// <summary>Who watches, what it may see, and the writer of its messages (all follow metadata versions).</summary>
    private sealed record Subscriber(RequestContext Caller, SubscriberAccess Access, EventMessageWriter Writer);

    private static CompiledResource? Find(EngineSnapshot snapshot, string resource) =>
        snapshot.Artifact<GrpcServices>().Resources.TryGetValue(resource, out var part) ? part : null;

    private static RpcException Removed(string resource) =>
        new(new Status(StatusCode.NotFound, $"{resource} was removed from the metadata; its watch has ended"));

    private RpcException Ended(Exception error, string resource)
    {
        if (error is SubscriberTooSlowException)
        {
            return new RpcException(new Status(StatusCode.ResourceExhausted, error.Message));
        }

        if (Find(snapshots.Current, resource) is null)
        {
            return Removed(resource);
        }

        LogFeedEnded(error, resource);
        return new RpcException(new Status(StatusCode.Aborted, $"the event feed ended this watch: {error.Message}"));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC watch {Method} failed unexpectedly")]
    private partial void LogUnexpected(Exception exception, string method);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "the event feed ended a watch of {Resource}")]
    private partial void LogFeedEnded(Exception exception, string resource);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "a watch of {Resource} ended with OK: the server is shutting down")]
    private partial void LogEndedByShutdown(string resource);
}
