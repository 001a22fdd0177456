using Engine.Dialects;
using Engine.Query.Plans;
using Npgsql;

namespace Engine.Sql.Execution;

public sealed partial class SqlPlanExecutor
{
    /// <summary>
    /// CockroachDB (<see cref="Dialects.CockroachPlanExecutor"/> sets it): serialization failures (40001) are not
    /// turned into UNAVAILABLE here but thrown, so the caller runs the whole transaction again; and upserts run as
    /// steps in one transaction (update, then insert when nothing matched), because CockroachDB refuses a statement
    /// that modifies the same table twice (the single-statement upsert's <c>UPDATE</c> and <c>INSERT</c> CTEs).
    /// </summary>
    internal bool CockroachSemantics { get; init; }

    /// <summary>True when the caller retries this failure, so it must propagate instead of becoming an error result.</summary>
    private bool RetriesOutside(NpgsqlException exception) => CockroachSemantics && TransactionRetryPolicy.IsRetryable(exception);

    /// <summary>True when the write runs as the nested-write steps although it has no nested writes.</summary>
    private bool RunsAsSteps(RootPlan plan) => CockroachSemantics && plan is UpsertPlan;
}
