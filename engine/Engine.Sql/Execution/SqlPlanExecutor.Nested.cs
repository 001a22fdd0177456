using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Npgsql;

namespace Engine.Sql.Execution;

public sealed partial class SqlPlanExecutor
{
    private static bool HasNestedWrites(RootPlan plan) => plan switch
    {
        CreatePlan p => p.Data.HasNested,
        UpdatePlan p => p.Data.HasNested,
        UpsertPlan p => p.Create.HasNested || p.Update.HasNested,
        _ => false,
    };

    /// <summary>
    /// A write with nested writes: its statements (<see cref="NestedWriteRunner"/>) and then the read of the selection by
    /// the root row's id, all in one transaction on one connection, so the response shows every nested change and a
    /// failure anywhere leaves nothing behind.
    /// </summary>
    private async Task<PlanResult> MutateNestedAsync(SchemaModel model, RootPlan plan, AccessScope? scope, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var session = new NpgsqlStatementSession(connection, transaction);
            var runner = new NestedWriteRunner(session, model, scope);
            var (resource, selection, id) = plan switch
            {
                CreatePlan p => (p.Resource, p.Selection, await runner.CreateAsync(p.Resource, p.Id, p.Data, "data", cancellationToken).ConfigureAwait(false)),
                UpdatePlan p => (p.Resource, p.Selection, await runner.UpdateAsync(p.Resource, p.Where, p.Data, "data", cancellationToken).ConfigureAwait(false)),
                UpsertPlan p => (p.Resource, p.Selection,
                    (Guid?)await runner.UpsertAsync(p.Resource, p.Where, p.CreateId, p.Create, p.Update, "create", "update", cancellationToken).ConfigureAwait(false)),
                _ => throw new ArgumentException($"{plan.GetType().Name} has no nested writes.", nameof(plan)),
            };
            if (id is not { } written)
            {
                return new PlanResult(NullJson, new EngineError(ErrorCode.NotFound, $"No {resource.Name} matches the given where.", "where"));
            }

            await runner.CheckWrittenRowsAsync(cancellationToken).ConfigureAwait(false);
            var byId = new ComparisonFilter(resource.Id, ComparisonOperator.Equal, written);
            var read = PostgresCompiler.Compile(new FindUniquePlan(plan.Key, resource, AccessFilters.And(byId, VisibleRows(plan))!, selection), model);
            var rows = await session.RunAsync(read, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return PlanResult.Ok(rows.Count == 0 || rows[0][0] is not string json ? NullJson : System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (EngineException e)
        {
            return PlanResult.Fail(e.Error);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && !RetriesOutside(e))
        {
            return PlanResult.Fail(MapAndLog(e, model, plan));
        }
    }
}
