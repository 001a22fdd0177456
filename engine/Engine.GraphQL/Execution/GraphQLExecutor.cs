using System.Text.Json;
using Engine.GraphQL.Diagnostics;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Introspection;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Schema.Roles;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Runtime;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Execution;

/// <summary>
/// Runs a GraphQL request against one snapshot and the caller's schema: parse and validate (cached per metadata version,
/// role set and query text), plan (every input and limit checked before any SQL), then execute — a query's resource
/// fields in one database round trip, a mutation's fields one after another, each in its own transaction.
/// </summary>
public sealed class GraphQLExecutor(
    IPlanExecutor plans, DocumentCache documents, PlanningLimits limits, ILogger<GraphQLExecutor> logger, SnapshotHolder? snapshots = null)
{
    private static readonly EngineError InternalError =
        new(ErrorCode.Internal, "An internal error occurred; the server log has the details.");

    /// <summary>Runs <paramref name="request"/>; <paramref name="allowMutations"/> is false for transports that only serve queries (GET).</summary>
    public async Task<GraphQLResult> ExecuteAsync(
        GraphQLRequest request, EngineSnapshot snapshot, RequestContext context, bool allowMutations, CancellationToken cancellationToken)
    {
        using var telemetry = GraphQLTelemetry.Start();
        var (result, stale) = await ExecuteCoreAsync(request, snapshot, context, allowMutations, cancellationToken).ConfigureAwait(false);
        // A metadata change removed a column or table while the request ran and nothing was written: run it once more on
        // the newer snapshot, where it either succeeds or fails validation against the new schema.
        if (stale && snapshots is not null
            && await snapshots.NewerThanAsync(snapshot.Version, cancellationToken).ConfigureAwait(false) is { } newer)
        {
            (result, _) = await ExecuteCoreAsync(request, newer, context, allowMutations, cancellationToken).ConfigureAwait(false);
        }

        telemetry.Complete(result);
        return result;
    }

    /// <summary>Runs the request on <paramref name="snapshot"/>; Stale is true when it may run again on a newer one.</summary>
    private async Task<(GraphQLResult Result, bool Stale)> ExecuteCoreAsync(
        GraphQLRequest request, EngineSnapshot snapshot, RequestContext context, bool allowMutations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return (GraphQLResult.RequestError([GraphQLError.BadInput("The request has no query.")]), false);
        }

        if (request.Variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return (GraphQLResult.RequestError([GraphQLError.BadInput("variables must be a JSON object.")]), false);
        }

        var roleSet = RoleSetKey.Of(context);
        var schema = snapshot.Artifact<GraphQLModel>().SchemaFor(roleSet, context.Roles);
        var loaded = documents.GetOrAdd(snapshot.Version, roleSet, request.Query, query => DocumentLoader.Load(query, schema));
        if (loaded.Document is null || loaded.Errors.Count > 0)
        {
            return (GraphQLResult.RequestError(loaded.Errors), false);
        }

        var operationName = string.IsNullOrEmpty(request.OperationName) ? null : request.OperationName;
        var planned = SendsVariables(request)
            ? OperationPlanner.Plan(loaded.Document, operationName, request.Variables, schema, snapshot.Model, limits)
            : loaded.PlanWithoutVariables(operationName, () => OperationPlanner.Plan(loaded.Document, operationName, null, schema, snapshot.Model, limits));
        if (planned.Kind == OperationType.Mutation && !allowMutations)
        {
            return (GraphQLResult.MutationNotAllowed(), false);
        }

        if (planned.Operation is not { } operation)
        {
            return (GraphQLResult.RequestError(planned.Errors), false);
        }

        var results = operation.Kind == OperationType.Mutation
            ? await MutateAsync(snapshot, operation, context, cancellationToken).ConfigureAwait(false)
            : await QueryAsync(snapshot, operation, context, cancellationToken).ConfigureAwait(false);
        return (GraphQLResult.Executed(Complete(schema, loaded.Document, request, operation, results)), IsStale(operation, results));
    }

    /// <summary>Whether the request carries variables (a non-empty object): only then may two requests of one document plan differently.</summary>
    private static bool SendsVariables(GraphQLRequest request) =>
        request.Variables is { ValueKind: JsonValueKind.Object } variables && variables.EnumerateObject().MoveNext();

    /// <summary>Runs every resource field of a query in one call (one database round trip).</summary>
    private async Task<PlanResult?[]> QueryAsync(EngineSnapshot snapshot, PlannedOperation operation, RequestContext context, CancellationToken cancellationToken)
    {
        var results = new PlanResult?[operation.Entries.Count];
        var rootPlans = new List<RootPlan>(operation.Entries.Count);
        foreach (var entry in operation.Entries)
        {
            if (entry is ResourceRootEntry resource)
            {
                rootPlans.Add(resource.Plan);
            }
        }

        if (rootPlans.Count == 0)
        {
            return results;
        }

        IReadOnlyList<PlanResult> fetched;
        try
        {
            fetched = await plans.QueryAsync(snapshot.Model, rootPlans, context, cancellationToken).ConfigureAwait(false);
            if (fetched.Count != rootPlans.Count)
            {
                throw new InvalidOperationException($"the plan executor returned {fetched.Count} results for {rootPlans.Count} plans");
            }
        }
        catch (Exception e) when (Failure(e, "query", cancellationToken) is { } error)
        {
            fetched = Enumerable.Repeat(PlanResult.Fail(error), rootPlans.Count).ToArray();
        }

        var next = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (operation.Entries[i] is ResourceRootEntry)
            {
                results[i] = fetched[next++];
            }
        }

        return results;
    }

    /// <summary>Runs a mutation's fields in order, each in its own transaction; stops after a failed non-null field.</summary>
    private async Task<PlanResult?[]> MutateAsync(EngineSnapshot snapshot, PlannedOperation operation, RequestContext context, CancellationToken cancellationToken)
    {
        var results = new PlanResult?[operation.Entries.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (operation.Entries[i] is not ResourceRootEntry resource)
            {
                continue;
            }

            PlanResult result;
            try
            {
                result = await plans.MutateAsync(snapshot.Model, resource.Plan, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Failure(e, resource.Key, cancellationToken) is { } error)
            {
                result = PlanResult.Fail(error);
            }

            results[i] = result;
            if (result.Error is { Code: ErrorCode.StaleMetadata } && IsFirstResourceEntry(operation, i))
            {
                // Nothing was written yet: the whole mutation runs again on the newer snapshot.
                break;
            }

            if (result.Error is not null && resource.NonNull)
            {
                // data becomes null, so the remaining mutations would change the database without anyone seeing their result.
                break;
            }
        }

        return results;
    }

    /// <summary>
    /// True when a field failed with <see cref="ErrorCode.StaleMetadata"/> and running the request again writes nothing
    /// twice: any such query field, or a mutation's first resource field (the ones after it did not run).
    /// </summary>
    private static bool IsStale(PlannedOperation operation, PlanResult?[] results)
    {
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i]?.Error is { Code: ErrorCode.StaleMetadata })
            {
                return operation.Kind != OperationType.Mutation || IsFirstResourceEntry(operation, i);
            }
        }

        return false;
    }

    private static bool IsFirstResourceEntry(PlannedOperation operation, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (operation.Entries[i] is ResourceRootEntry)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The error to report for an exception, or null to let it propagate (the request was cancelled).</summary>
    private EngineError? Failure(Exception exception, string key, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case EngineException engine:
                return engine.Error;
            default:
                GraphQLLog.FieldFailed(logger, key, exception);
                return InternalError;
        }
    }

    private static ExecutedOperation Complete(
        GqlSchema schema, GraphQLDocument document, GraphQLRequest request, PlannedOperation operation, PlanResult?[] results)
    {
        var errors = new List<GraphQLError>();
        var dataIsNull = false;
        IntrospectionContext? introspection = null;
        for (var i = 0; i < results.Length; i++)
        {
            var entry = operation.Entries[i];
            if (entry is IntrospectionRootEntry)
            {
                introspection ??= new IntrospectionContext(document, operation.Definition, VariablesOf(request), operation.RootTypeName);
            }
            else if (entry is ResourceRootEntry resource && results[i]?.Error is { } error)
            {
                errors.Add(GraphQLError.From(error, [entry.Key]));
                dataIsNull |= resource.NonNull;
            }
        }

        return new ExecutedOperation(schema, operation, results, dataIsNull, errors, introspection);
    }

    private static Dictionary<string, JsonElement>? VariablesOf(GraphQLRequest request)
    {
        if (request.Variables is not { ValueKind: JsonValueKind.Object } variables)
        {
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in variables.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return values;
    }
}
