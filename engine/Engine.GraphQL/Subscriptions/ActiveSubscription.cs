using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;
using Engine.GraphQL.WebSockets;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Runtime;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// One running subscription: reads its feed subscription in order, filters, and sends one <c>next</c> per matching
/// event. It follows metadata versions: a newer snapshot re-plans it (so node reads use the current model), and the
/// removal of its resource ends it with an error. A feed that drops it for falling behind ends it with an error too.
/// </summary>
internal sealed class ActiveSubscription : IDisposable
{
    private readonly string id;
    private readonly SubscriptionExecutor executor;
    private readonly GraphQLRequest request;
    private readonly RequestContext context;
    private readonly RecordEventSubscription events;
    private readonly IOperationSink sink;
    private readonly CancellationToken connectionClosed;
    private readonly CancellationTokenSource stop;
    private SubscriptionPlan plan;
    private EngineSnapshot snapshot;
    private SubscriberAccess access;
    private volatile bool resourceRemoved;

    public ActiveSubscription(string id, SubscriptionExecutor executor, GraphQLRequest request, SubscriptionPlan plan, EngineSnapshot snapshot,
        RequestContext context, RecordEventSubscription events, IOperationSink sink, CancellationToken connectionClosed)
    {
        this.id = id;
        this.executor = executor;
        this.request = request;
        this.plan = plan;
        this.snapshot = snapshot;
        this.context = context;
        this.events = events;
        this.sink = sink;
        this.connectionClosed = connectionClosed;
        access = SubscriberAccess.For(snapshot.Model, plan.Resource, context);
        stop = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);
    }

    /// <summary>Stops delivering (the client sent <c>complete</c>); no further message is sent for this subscription.</summary>
    public void Stop() => stop.Cancel();

    /// <summary>Ends the subscription with an error when <paramref name="current"/> no longer has its resource.</summary>
    public void MetadataChanged(EngineSnapshot current)
    {
        if (current.Model.Resource(plan.Resource.Name) is null)
        {
            resourceRemoved = true;
            stop.Cancel();
        }
    }

    /// <summary>Delivers events until the client stops it, the connection closes, or the subscription ends with an error.</summary>
    public async Task RunAsync()
    {
        var reader = events.Events;
        // The schema already hides the subscription field from roles without read; this covers a grant lost meanwhile.
        ReadOnlyMemory<byte>? last = null;
        if (!access.Grant.Allowed)
        {
            last = ServerMessages.Error(id, [GraphQLError.From(access.Grant.Denied(), [plan.Key])]);
        }

        try
        {
            while (last is null && await reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (last is null && reader.TryRead(out var recordEvent))
                {
                    last = await HandleAsync(recordEvent).ConfigureAwait(false);
                }
            }

            last ??= ServerMessages.Complete(id);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (resourceRemoved && !connectionClosed.IsCancellationRequested)
            {
                last = ServerMessages.Error(id, [ResourceRemoved()]);
            }
        }
        catch (SubscriberTooSlowException e)
        {
            last = ServerMessages.Error(id, [Error(ErrorCode.Unavailable, e.Message)]);
        }
        catch (Exception e) when (!connectionClosed.IsCancellationRequested)
        {
            executor.LogFailure(id, plan.Resource.Name, e);
            last = ServerMessages.Error(id, [Error(ErrorCode.Internal, "The subscription ended unexpectedly; the server log has the details.")]);
        }
        finally
        {
            // Unsubscribe before the last message: once the client learns the subscription ended, it has.
            events.Dispose();
        }

        if (last is { } message)
        {
            await SendAsync(message).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        events.Dispose();
        stop.Dispose();
    }

    /// <summary>Handles one event; returns the error that ends the subscription, or null to go on.</summary>
    private async Task<ReadOnlyMemory<byte>?> HandleAsync(RecordEvent recordEvent)
    {
        if (FollowMetadata() is { } ended)
        {
            return ended;
        }

        var current = plan;
        var deleted = recordEvent.Action == RecordAction.Deleted;
        if (Masked(recordEvent) is not { } visible)
        {
            return null;
        }

        recordEvent = visible;
        using var record = current.Filter.ReadsRecord || access.NeedsRecord || (deleted && current.SelectsPreviousValues)
            ? JsonDocument.Parse(recordEvent.Data)
            : null;
        if (!current.Filter.Matches(recordEvent.Action, recordEvent.UpdatedFields, record?.RootElement ?? default)
            || !await executor.DeliversAsync(access, recordEvent, record?.RootElement ?? default, snapshot, context, stop.Token).ConfigureAwait(false))
        {
            return null;
        }

        using var before = current.SelectsPreviousValues && recordEvent is { Action: RecordAction.Updated, PreviousValues: { } previous }
            ? JsonDocument.Parse(previous)
            : null;
        JsonElement? previousValues = deleted ? record?.RootElement : before?.RootElement;
        ReadOnlyMemory<byte>? node = null;
        GraphQLError? nodeError = null;
        if (current.Node is { } nodeItem && !deleted)
        {
            (node, nodeError) = await executor.ReadNodeAsync(id, current, nodeItem, snapshot, recordEvent, context, stop.Token).ConfigureAwait(false);
        }

        var result = new SubscriptionEventResult(recordEvent, previousValues, node, nodeError);
        var next = ServerMessages.Next(id, (current, result), static (writer, s) => SubscriptionPayloadWriter.Write(writer, s.current, s.result));
        await sink.SendAsync(next, stop.Token).ConfigureAwait(false);
        return null;
    }

    /// <summary>Re-plans against a newer snapshot; returns the error that ends the subscription when it cannot go on.</summary>
    private ReadOnlyMemory<byte>? FollowMetadata()
    {
        if (executor.Snapshots.TryCurrent is not { } current || current.Version <= snapshot.Version)
        {
            return null;
        }

        if (current.Model.Resource(plan.Resource.Name) is null)
        {
            return ServerMessages.Error(id, [ResourceRemoved()]);
        }

        var replanned = executor.Prepare(request, current, context);
        if (replanned.Plan is not { } next)
        {
            return ServerMessages.Error(id, replanned.Errors);
        }

        var nextAccess = SubscriberAccess.For(current.Model, next.Resource, context);
        if (!nextAccess.Grant.Allowed)
        {
            return ServerMessages.Error(id, [GraphQLError.From(nextAccess.Grant.Denied(), [plan.Key])]);
        }

        plan = next;
        snapshot = current;
        access = nextAccess;
        return null;
    }

    /// <summary>
    /// The event with only the updated fields the subscriber may read; null for an update that changed none of them
    /// (delivering it would tell that a hidden field changed).
    /// </summary>
    private RecordEvent? Masked(RecordEvent recordEvent)
    {
        if (access.AllFields || recordEvent.UpdatedFields.Count == 0)
        {
            return recordEvent;
        }

        var readable = access.Readable(recordEvent.UpdatedFields);
        return readable.Count == 0 ? null : ReferenceEquals(readable, recordEvent.UpdatedFields) ? recordEvent : recordEvent with { UpdatedFields = readable };
    }

    private GraphQLError ResourceRemoved() =>
        Error(ErrorCode.NotFound, $"The resource {plan.Resource.Name} was removed from the metadata; the subscription has ended.");

    private GraphQLError Error(ErrorCode code, string message) => new(message, ErrorCodes.Name(code), Path: [plan.Key]);

    private ValueTask SendAsync(ReadOnlyMemory<byte> message) => sink.SendAsync(message, connectionClosed);
}
