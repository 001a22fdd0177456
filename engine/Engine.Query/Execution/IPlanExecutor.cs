using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Plans;

namespace Engine.Query.Execution;

/// <summary>Runs root plans against the database. Implemented by Engine.Sql; protocols depend on this interface only.</summary>
public interface IPlanExecutor
{
    /// <summary>
    /// Runs read plans (find unique, find many, connection) in one round trip and returns each one's JSON in order
    /// (<c>null</c>, an object or a list), or its error.
    /// </summary>
    Task<IReadOnlyList<PlanResult>> QueryAsync(SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken);

    /// <summary>Runs one write plan in its own transaction and returns its JSON, or its error.</summary>
    Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken);
}

/// <summary>The JSON text PostgreSQL built for one root field, or the error it ended with.</summary>
/// <param name="Json">UTF-8 JSON (<c>null</c> when the field's value is null); null when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the field has no value.</param>
public sealed record PlanResult(ReadOnlyMemory<byte>? Json, Errors.EngineError? Error)
{
    /// <summary>A successful value.</summary>
    public static PlanResult Ok(ReadOnlyMemory<byte> json) => new(json, null);

    /// <summary>A failure.</summary>
    public static PlanResult Fail(Errors.EngineError error) => new(null, error);
}
