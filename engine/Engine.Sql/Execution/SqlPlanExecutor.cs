using System.Data;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Engine.Sql.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Engine.Sql.Execution;

/// <summary>
/// Runs root plans on PostgreSQL: each plan is one statement whose single value is the field's JSON, which is passed
/// on as the UTF-8 bytes the server sent, never parsed here (read with sequential access, so a large value is not
/// buffered twice).
/// </summary>
public sealed partial class SqlPlanExecutor : IPlanExecutor
{
    private static readonly byte[] NullJson = "null"u8.ToArray();

    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger logger;

    /// <summary>Runs statements on connections of <paramref name="dataSource"/>.</summary>
    public SqlPlanExecutor(NpgsqlDataSource dataSource, ILogger<SqlPlanExecutor>? logger = null)
    {
        this.dataSource = dataSource;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// All plans go in one <see cref="NpgsqlBatch"/> (one round trip). If one fails, the server skips the rest of the
    /// batch, so that plan and every later one get its error; earlier results are kept.
    /// </remarks>
    public async Task<IReadOnlyList<PlanResult>> QueryAsync(
        SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var scope = AccessScope.For(model, context);
        return scope is null
            ? await RunQueriesAsync(model, plans, cancellationToken).ConfigureAwait(false)
            : await RunAllowedQueriesAsync(model, plans, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the plans as <paramref name="scope"/>'s caller may; a plan the rules refuse fails alone, the others still run.</summary>
    private async Task<IReadOnlyList<PlanResult>> RunAllowedQueriesAsync(
        SchemaModel model, IReadOnlyList<RootPlan> plans, AccessScope scope, CancellationToken cancellationToken)
    {
        var results = new PlanResult[plans.Count];
        var allowed = new List<RootPlan>(plans.Count);
        var positions = new List<int>(plans.Count);
        for (var i = 0; i < plans.Count; i++)
        {
            try
            {
                allowed.Add(AccessPlanRewriter.Apply(plans[i], scope));
                positions.Add(i);
            }
            catch (EngineException e)
            {
                results[i] = PlanResult.Fail(e.Error);
            }
        }

        var ran = await RunQueriesAsync(model, allowed, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < ran.Count; i++)
        {
            results[positions[i]] = ran[i];
        }

        return results;
    }

    private async Task<IReadOnlyList<PlanResult>> RunQueriesAsync(SchemaModel model, IReadOnlyList<RootPlan> plans, CancellationToken cancellationToken)
    {
        var results = new PlanResult[plans.Count];
        if (plans.Count == 0)
        {
            return results;
        }

        if (plans.Count == 1)
        {
            results[0] = await QueryOneAsync(model, plans[0], cancellationToken).ConfigureAwait(false);
            return results;
        }

        await using var batch = dataSource.CreateBatch();
        foreach (var plan in plans)
        {
            var statement = PostgresCompiler.Compile(plan, model);
            var command = new NpgsqlBatchCommand(statement.Text);
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        var done = 0;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                results[done++] = PlanResult.Ok(await ReadJsonAsync(reader, cancellationToken).ConfigureAwait(false));
            }
            while (done < plans.Count && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && !RetriesOutside(e))
        {
            var error = MapAndLog(e, model, plans[Math.Min(done, plans.Count - 1)]);
            for (var i = done; i < results.Length; i++)
            {
                results[i] = PlanResult.Fail(error);
            }
        }

        return results;
    }

    /// <summary>The common case, one root field: a plain command (no batch), the single row read from the buffer.</summary>
    private async Task<PlanResult> QueryOneAsync(SchemaModel model, RootPlan plan, CancellationToken cancellationToken)
    {
        var statement = PostgresCompiler.Compile(plan, model);
        await using var command = dataSource.CreateCommand(statement.Text);
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleResult | CommandBehavior.SingleRow, cancellationToken)
                .ConfigureAwait(false);
            return PlanResult.Ok(await ReadJsonAsync(reader, cancellationToken).ConfigureAwait(false));
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && !RetriesOutside(e))
        {
            return PlanResult.Fail(MapAndLog(e, model, plan));
        }
    }

    /// <summary>The JSON of the current result's single row: read into the row buffer once, then taken without further I/O.</summary>
    private static async Task<byte[]> ReadJsonAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0)
            ? reader.GetFieldValue<byte[]>(0)
            : NullJson;

    /// <inheritdoc/>
    /// <remarks>
    /// One statement, so one implicit transaction; a write with nested writes runs several statements in an explicit
    /// one (<see cref="MutateNestedAsync"/>). Update and delete of a missing row return JSON <c>null</c> together
    /// with NOT_FOUND; a connect whose target is missing returns NOT_FOUND naming the relation (a looked-up target
    /// is reported by the statement itself, a target given by id by its foreign key).
    /// </remarks>
    public async Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scope = AccessScope.For(model, context);
        if (scope is not null)
        {
            try
            {
                plan = AccessPlanRewriter.Apply(plan, scope);
            }
            catch (EngineException e)
            {
                return PlanResult.Fail(e.Error);
            }
        }

        if (HasNestedWrites(plan) || RunsAsSteps(plan))
        {
            return await MutateNestedAsync(model, plan, scope, cancellationToken).ConfigureAwait(false);
        }

        var statement = PostgresCompiler.Compile(plan, model);
        if (statement.HasWriteCheck)
        {
            return await MutateCheckedAsync(model, plan, statement, scope, cancellationToken).ConfigureAwait(false);
        }

        await using var command = dataSource.CreateCommand(statement.Text);
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        byte[]? json;
        int? missingConnect;
        try
        {
            (json, missingConnect, _) = await ReadWriteResultAsync(command, statement, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested && !RetriesOutside(e))
        {
            return PlanResult.Fail(MapAndLog(e, model, plan));
        }

        if (missingConnect is { } index)
        {
            var check = statement.ConnectChecks[index];
            return PlanResult.Fail(new EngineError(
                ErrorCode.NotFound, $"No {check.Target.Name} matches the connect of '{check.Relation.Name}'.", check.InputPath));
        }

        if (json is null && plan is UpdatePlan or DeletePlan)
        {
            var resource = plan is UpdatePlan u ? u.Resource : ((DeletePlan)plan).Resource;
            return new PlanResult(NullJson, new EngineError(ErrorCode.NotFound, $"No {resource.Name} matches the given where.", "where"));
        }

        return PlanResult.Ok(json ?? NullJson);
    }

    private EngineError MapAndLog(NpgsqlException exception, SchemaModel model, RootPlan plan)
    {
        var error = PostgresErrorMapper.Map(exception, model, plan);
        if (error.Code == ErrorCode.Internal)
        {
            SqlLog.UnexpectedDatabaseError(logger, plan.Key, (exception as PostgresException)?.SqlState, exception);
        }
        else if (error.Code == ErrorCode.Unavailable)
        {
            SqlLog.DatabaseUnavailable(logger, plan.Key, exception);
        }

        return error;
    }
}
