using Engine.Dialects;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engine.Sql.Dialects;

/// <summary>
/// Runs plans on CockroachDB through <see cref="SqlPlanExecutor"/> (the same statements as on PostgreSQL, upserts as
/// steps): every call is one transaction (a read batch, a write, a nested write) run again from the start when
/// CockroachDB aborts it with a serialization failure (40001), per <see cref="TransactionRetryPolicy"/>; when the
/// attempts run out, the fields fail with UNAVAILABLE. Successful JSON gets its keys back in selection order
/// (<see cref="SelectionKeyOrder"/>).
/// </summary>
public sealed class CockroachPlanExecutor : IPlanExecutor
{
    private static readonly EngineError Conflicted = new(
        ErrorCode.Unavailable, "The database kept aborting the transaction because of concurrent changes; try again.");

    private readonly SqlPlanExecutor inner;
    private readonly TransactionRetryPolicy retry;

    /// <summary>Runs statements on <paramref name="dataSource"/>, retried per <paramref name="retry"/>.</summary>
    public CockroachPlanExecutor(NpgsqlDataSource dataSource, TransactionRetryPolicy retry, ILogger<SqlPlanExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(retry);
        inner = new SqlPlanExecutor(dataSource, logger) { CockroachSemantics = true };
        this.retry = retry;
    }

    /// <summary>The executor for <paramref name="dialect"/>: PostgreSQL's own, or this one for CockroachDB.</summary>
    public static IPlanExecutor For(DatabaseDialect dialect, NpgsqlDataSource dataSource, ILogger<SqlPlanExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.IsCockroach ? new CockroachPlanExecutor(dataSource, dialect.Retry, logger) : new SqlPlanExecutor(dataSource, logger);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PlanResult>> QueryAsync(
        SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        IReadOnlyList<PlanResult> results;
        try
        {
            results = await retry.ExecuteAsync(token => inner.QueryAsync(model, plans, context, token), cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (TransactionRetryPolicy.IsRetryable(e) && !cancellationToken.IsCancellationRequested)
        {
            return plans.Select(_ => PlanResult.Fail(Conflicted)).ToArray();
        }

        var ordered = new PlanResult[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            ordered[i] = InSelectionOrder(results[i], plans[i]);
        }

        return ordered;
    }

    /// <inheritdoc/>
    public async Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var result = await retry.ExecuteAsync(token => inner.MutateAsync(model, plan, context, token), cancellationToken).ConfigureAwait(false);
            return InSelectionOrder(result, plan);
        }
        catch (NpgsqlException e) when (TransactionRetryPolicy.IsRetryable(e) && !cancellationToken.IsCancellationRequested)
        {
            return PlanResult.Fail(Conflicted);
        }
    }

    private static PlanResult InSelectionOrder(PlanResult result, RootPlan plan) =>
        result.Json is { } json ? result with { Json = SelectionKeyOrder.Reorder(json, plan) } : result;
}
