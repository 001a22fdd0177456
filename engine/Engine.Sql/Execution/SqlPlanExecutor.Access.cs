using System.Data;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Npgsql;

namespace Engine.Sql.Execution;

public sealed partial class SqlPlanExecutor
{
    /// <summary>
    /// Reads a write's one row: the JSON, the index of a missing connect (when the statement looks targets up) and the
    /// access check of the written rows (when it has one: NULL when nothing was written).
    /// </summary>
    private static async Task<(byte[]? Json, int? MissingConnect, bool? Written)> ReadWriteResultAsync(
        NpgsqlCommand command, SqlStatement statement, CancellationToken cancellationToken)
    {
        byte[]? json = null;
        int? missingConnect = null;
        bool? written = null;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
            {
                json = await reader.GetFieldValueAsync<byte[]>(0, cancellationToken).ConfigureAwait(false);
            }

            if (statement.ConnectChecks.Count > 0 && !await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false))
            {
                missingConnect = await reader.GetFieldValueAsync<int>(1, cancellationToken).ConfigureAwait(false);
            }

            var last = reader.FieldCount - 1;
            if (statement.HasWriteCheck && !await reader.IsDBNullAsync(last, cancellationToken).ConfigureAwait(false))
            {
                written = await reader.GetFieldValueAsync<bool>(last, cancellationToken).ConfigureAwait(false);
            }
        }

        return (json, missingConnect, written);
    }

    /// <summary>
    /// A write whose statement checks the written rows against the access rules. When a rule can fail it runs in an
    /// explicit transaction (Npgsql sends BEGIN with the statement, so only COMMIT costs a round trip), and a row outside
    /// the rules rolls everything back with FORBIDDEN. A written row the caller may not read comes back as null, not
    /// NOT_FOUND.
    /// </summary>
    private async Task<PlanResult> MutateCheckedAsync(SchemaModel model, RootPlan plan, SqlStatement statement, AccessScope? scope, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = HasWriteRule(plan) ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
            await using var command = new NpgsqlCommand(statement.Text, connection, transaction);
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.Add(parameter);
            }

            var (json, missingConnect, written) = await ReadWriteResultAsync(command, statement, cancellationToken).ConfigureAwait(false);
            if (missingConnect is { } index)
            {
                var check = statement.ConnectChecks[index];
                return PlanResult.Fail(new EngineError(
                    ErrorCode.NotFound, $"No {check.Target.Name} matches the connect of '{check.Relation.Name}'.", check.InputPath));
            }

            if (written == false)
            {
                // Disposing the transaction uncommitted rolls the write back.
                return PlanResult.Fail(RowForbidden(plan, scope));
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (written is null && plan is UpdatePlan or DeletePlan)
            {
                var resource = plan is UpdatePlan u ? u.Resource : ((DeletePlan)plan).Resource;
                return new PlanResult(NullJson, new EngineError(ErrorCode.NotFound, $"No {resource.Name} matches the given where.", "where"));
            }

            return PlanResult.Ok(json ?? NullJson);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && !RetriesOutside(e))
        {
            return PlanResult.Fail(MapAndLog(e, model, plan));
        }
    }

    /// <summary>True when the plan carries a rule its written rows must satisfy (so the write may have to be rolled back).</summary>
    private static bool HasWriteRule(RootPlan plan) => plan switch
    {
        CreatePlan p => p.Check is not null,
        UpdatePlan p => p.Check is not null,
        UpsertPlan p => p.CreateCheck is not null || p.UpdateCheck is not null,
        UpdateManyPlan p => p.Check is not null,
        _ => false,
    };

    private static EngineError RowForbidden(RootPlan plan, AccessScope? scope) => (plan, scope) switch
    {
        (CreatePlan p, not null) => scope.Grant(p.Resource, AccessAction.Create).RowForbidden("data"),
        (UpdatePlan p, not null) => scope.Grant(p.Resource, AccessAction.Update).RowForbidden("data"),
        (UpsertPlan p, not null) => scope.Grant(p.Resource, AccessAction.Update).RowForbidden(),
        (UpdateManyPlan p, not null) => scope.Grant(p.Resource, AccessAction.Update).RowForbidden("data"),
        _ => new EngineError(ErrorCode.Forbidden, "The written row is outside the rows its access rules allow."),
    };

    /// <summary>The rows a write's result may show (access rules), or null for all.</summary>
    private static Query.Filters.Filter? VisibleRows(RootPlan plan) => plan switch
    {
        CreatePlan p => p.Visible,
        UpdatePlan p => p.Visible,
        UpsertPlan p => p.Visible,
        DeletePlan p => p.Visible,
        _ => null,
    };
}
