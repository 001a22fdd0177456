using System.Collections.Concurrent;
using Engine.GraphQL.Errors;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>
/// A parsed document and its validation errors (<see cref="Document"/> is null when it did not parse), and the plans of its
/// operations that are the same for every request.
/// </summary>
public sealed record CachedDocument(GraphQLDocument? Document, IReadOnlyList<GraphQLError> Errors)
{
    /// <summary>Plans by operation name ("" for the only one); the document's cache entry fixes the schema and the model.</summary>
    private readonly ConcurrentDictionary<string, PlanningResult> plans = new(StringComparer.Ordinal);

    /// <summary>
    /// The plan of <paramref name="operationName"/> for a request that sends no variables: made by <paramref name="plan"/> the first
    /// time and kept, since without variables it depends only on the document, the schema and the model (plans are immutable).
    /// Mutations are planned every time: their plans hold the ids of the records they create.
    /// </summary>
    public PlanningResult PlanWithoutVariables(string? operationName, Func<PlanningResult> plan)
    {
        var key = operationName ?? "";
        if (plans.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var planned = plan();
        if (planned.Kind != OperationType.Mutation)
        {
            plans.TryAdd(key, planned);
        }

        return planned;
    }
}
