using Engine.GraphQL.Errors;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>The outcome of planning: an operation to run, or the errors that stop it before any SQL runs.</summary>
/// <param name="Operation">The plan; null when planning failed.</param>
/// <param name="Errors">Why planning failed; empty on success.</param>
/// <param name="Kind">The kind of the selected operation, known even when its inputs are invalid; null when none was selected.</param>
public sealed record PlanningResult(PlannedOperation? Operation, IReadOnlyList<GraphQLError> Errors, OperationType? Kind)
{
    /// <summary>A plan.</summary>
    public static PlanningResult Ok(PlannedOperation operation) => new(operation, [], operation.Kind);

    /// <summary>Errors and no plan.</summary>
    public static PlanningResult Fail(IReadOnlyList<GraphQLError> errors, OperationType? kind = null) => new(null, errors, kind);
}
