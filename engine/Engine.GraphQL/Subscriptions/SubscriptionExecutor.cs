using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Schema.Roles;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Runtime;
using Engine.Runtime.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// Plans subscription requests against a snapshot (documents cached like queries) and runs them: each reads its own
/// <see cref="IRecordEventFeed"/> subscription, keeps the events its filter matches, reads the node back through the
/// same plan executor as queries (a find-unique plan by id) and hands one execution result per event to its sink.
/// </summary>
public sealed class SubscriptionExecutor(
    IPlanExecutor plans, SnapshotHolder snapshots, DocumentCache documents, PlanningLimits limits, IServiceProvider services,
    ILogger<SubscriptionExecutor> logger)
{
    private static readonly EngineError InternalError = new(ErrorCode.Internal, "An internal error occurred; the server log has the details.");

    private IRecordEventFeed? feed;

    /// <summary>The feed of record events (registered by the events layer); null when no feed is registered.</summary>
    public IRecordEventFeed? Feed => feed ??= services.GetService<IRecordEventFeed>();

    /// <summary>The snapshots a running subscription follows (a newer version re-plans it).</summary>
    internal SnapshotHolder Snapshots => snapshots;

    /// <summary>
    /// Parses, validates and plans <paramref name="request"/> against <paramref name="snapshot"/> and the schema of
    /// <paramref name="context"/>'s roles. A subscription gets a plan or errors; a query or mutation gets neither, only
    /// its <see cref="SubscriptionPlanningResult.Kind"/>.
    /// </summary>
    public SubscriptionPlanningResult Prepare(GraphQLRequest request, EngineSnapshot snapshot, RequestContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return new SubscriptionPlanningResult(null, [GraphQLError.BadInput("The request has no query.")], null);
        }

        if (request.Variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return new SubscriptionPlanningResult(null, [GraphQLError.BadInput("variables must be a JSON object.")], null);
        }

        var roleSet = RoleSetKey.Of(context);
        var schema = snapshot.Artifact<GraphQLModel>().SchemaFor(roleSet, context.Roles);
        var loaded = documents.GetOrAdd(snapshot.Version, roleSet, request.Query, query => DocumentLoader.Load(query, schema));
        if (loaded.Document is null || loaded.Errors.Count > 0)
        {
            return new SubscriptionPlanningResult(null, loaded.Errors, null);
        }

        var operationName = string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName;
        return SubscriptionPlanner.Plan(loaded.Document, operationName, request.Variables, schema, snapshot.Model, limits);
    }

    /// <summary>
    /// Subscribes to the feed now (so no event committed from here on is missed) and returns the running subscription;
    /// its <see cref="ActiveSubscription.RunAsync"/> delivers events to <paramref name="sink"/> until stopped.
    /// </summary>
    internal ActiveSubscription Start(string id, GraphQLRequest request, SubscriptionPlan plan, EngineSnapshot snapshot, RequestContext context,
        IRecordEventFeed events, IOperationSink sink, CancellationToken connectionClosed) =>
        new(id, this, request, plan, snapshot, context, events.Subscribe(plan.Resource.Name), sink, connectionClosed);

    /// <summary>Reads the record of <paramref name="recordEvent"/> with the node selection, as a query's find-unique plan would.</summary>
    internal async Task<(ReadOnlyMemory<byte>? Json, GraphQLError? Error)> ReadNodeAsync(
        string subscriptionId, SubscriptionPlan plan, NodePayloadItem node, EngineSnapshot snapshot, RecordEvent recordEvent, RequestContext context,
        CancellationToken cancellationToken)
    {
        var find = new FindUniquePlan(node.Key, plan.Resource,
            new ComparisonFilter(plan.Resource.Id, ComparisonOperator.Equal, recordEvent.RecordId), node.Selection);
        PlanResult result;
        try
        {
            var results = await plans.QueryAsync(snapshot.Model, [find], context, cancellationToken).ConfigureAwait(false);
            result = results.Count == 1
                ? results[0]
                : throw new InvalidOperationException($"the plan executor returned {results.Count} results for one plan");
        }
        catch (EngineException e)
        {
            result = PlanResult.Fail(e.Error);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SubscriptionLog.NodeReadFailed(logger, plan.Resource.Name, subscriptionId, e);
            result = PlanResult.Fail(InternalError);
        }

        if (result.Error is { } error)
        {
            return (null, GraphQLError.From(error, [plan.Key, node.Key]));
        }

        return (result.Json, null);
    }

    /// <summary>Whether the subscriber of <paramref name="access"/> may see <paramref name="recordEvent"/> (see <see cref="SubscriberAccess"/>).</summary>
    internal Task<bool> DeliversAsync(SubscriberAccess access, RecordEvent recordEvent, JsonElement record, EngineSnapshot snapshot, RequestContext context,
        CancellationToken cancellationToken) =>
        access.DeliversAsync(recordEvent, record, snapshot.Model, plans, context, cancellationToken);

    /// <summary>Logs a subscription that ended for an unexpected reason.</summary>
    internal void LogFailure(string id, string resource, Exception exception) => SubscriptionLog.SubscriptionFailed(logger, id, resource, exception);
}
