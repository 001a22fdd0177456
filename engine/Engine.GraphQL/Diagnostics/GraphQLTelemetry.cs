using System.Diagnostics;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.Query.Plans;
using Engine.Runtime.Diagnostics;
using GraphQLParser.AST;

namespace Engine.GraphQL.Diagnostics;

/// <summary>
/// Traces and metrics of GraphQL operations: one span per operation (activity source <see cref="ActivitySourceName"/>)
/// named after its type and name, with its root fields and resources, and the shared <see cref="RequestMetrics"/>.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The activity source's name, for the host's tracing pipeline.</summary>
    public const string ActivitySourceName = "Engine.GraphQL";

    /// <summary>The <c>protocol</c> tag of GraphQL requests and subscriptions.</summary>
    public const string Protocol = "graphql";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Starts measuring an operation (a span only when a tracer listens); complete it with <see cref="OperationTelemetry.Complete"/>.</summary>
    internal static OperationTelemetry Start() => new(Source.StartActivity("graphql", ActivityKind.Internal), Stopwatch.GetTimestamp());
}

/// <summary>One operation being measured: its span (null when nobody traces) and its start.</summary>
internal readonly struct OperationTelemetry(Activity? activity, long started) : IDisposable
{
    /// <summary>Records the outcome: the request metrics, an error per error code, and the span's name, tags and status.</summary>
    public void Complete(GraphQLResult result)
    {
        var operation = result.Operation;
        var type = operation is null ? "(unknown)" : TypeName(operation.Kind);
        RequestMetrics.Served(GraphQLTelemetry.Protocol, ResourceTag(operation), type, started);
        foreach (var error in result.Errors)
        {
            RequestMetrics.Error(GraphQLTelemetry.Protocol, error.Code);
        }

        if (activity is null)
        {
            return;
        }

        var name = operation?.Definition.Name?.StringValue;
        activity.DisplayName = name is null ? type : $"{type} {name}";
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.operation.name", name);
        if (operation is not null)
        {
            activity.SetTag("engine.graphql.root_fields", string.Join(',', operation.Entries.Select(e => e.Key)));
            activity.SetTag("engine.resources", string.Join(',', operation.Entries.OfType<ResourceRootEntry>().Select(Resource).Distinct()));
        }

        if (result.Errors.Count > 0)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Errors[0].Code);
            activity.SetTag("engine.error.codes", string.Join(',', result.Errors.Select(e => e.Code).Distinct()));
        }
    }

    /// <summary>Ends the span (an operation that threw ends with an error status set by the caller's handler, or none).</summary>
    public void Dispose() => activity?.Dispose();

    private static string TypeName(OperationType kind) => kind switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    /// <summary>The operation's one resource, or a marker for several or none; no allocation.</summary>
    private static string ResourceTag(PlannedOperation? operation)
    {
        string? found = null;
        if (operation is not null)
        {
            foreach (var entry in operation.Entries)
            {
                if (entry is not ResourceRootEntry resource)
                {
                    continue;
                }

                var name = Resource(resource);
                if (found is not null && !string.Equals(found, name, StringComparison.Ordinal))
                {
                    return RequestMetrics.SeveralResources;
                }

                found = name;
            }
        }

        return found ?? RequestMetrics.NoResource;
    }

    private static string Resource(ResourceRootEntry entry) => entry.Plan switch
    {
        FindUniquePlan p => p.Resource.Name,
        FindManyPlan p => p.Resource.Name,
        ConnectionPlan p => p.Resource.Name,
        CreatePlan p => p.Resource.Name,
        UpdatePlan p => p.Resource.Name,
        UpsertPlan p => p.Resource.Name,
        DeletePlan p => p.Resource.Name,
        UpdateManyPlan p => p.Resource.Name,
        DeleteManyPlan p => p.Resource.Name,
        _ => RequestMetrics.NoResource,
    };
}
