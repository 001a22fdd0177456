using Engine.Dialects;
using Engine.MetadataStore.Planning;
using Engine.MetadataStore.Schema;
using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>
/// Runs one metadata change on CockroachDB, whose schema changes are not transactional with other writes: under the
/// <c>metadata-change</c> lease, prepare it in a transaction (as on PostgreSQL), record it as a
/// <see cref="PendingChange"/>, run each DDL step on its own (idempotent, retried on 40001), and commit the version
/// row — deleting the pending change — last. A pod that dies half-way leaves the pending change; the next change (or
/// the next start) finishes it first: its steps again (those done already are skipped or fail as duplicates, which
/// counts as done), then its version. A step the database refuses takes the change back (<see cref="PendingChange.Undo"/>,
/// the plan from the target to the stored version) and reports it as failed, as PostgreSQL's rollback would.
/// </summary>
internal sealed class CockroachChangeApplier(NpgsqlDataSource dataSource, string dataSchema, TransactionRetryPolicy retry)
{
    /// <summary>The lease every change holds.</summary>
    public const string LeaseName = "metadata-change";

    // Renewed after every step; a DDL step longer than this (a backfill of a huge table) lets another pod take over.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>Called after each step that ran (tests stop here to leave a change half-way, as a crash would).</summary>
    internal Func<MigrationStep, CancellationToken, Task>? AfterStep { get; init; }

    public async Task<ChangeResult> ApplyAsync(MetadataChange change, StoredMetadata? known, CancellationToken cancellationToken)
    {
        await using var lease = await StoreLease.AcquireAsync(dataSource, LeaseName, LeaseDuration, retry, cancellationToken).ConfigureAwait(false);
        await RecoverAsync(lease, cancellationToken).ConfigureAwait(false);

        var prepared = await retry.ExecuteAsync(async token =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
            var result = await ChangeApplier.PrepareAsync(connection, transaction, dataSchema, change, known, SqlDialect.Cockroach, token).ConfigureAwait(false);
            await transaction.CommitAsync(token).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);
        if (prepared.Outcome is { } outcome)
        {
            return outcome;
        }

        var pending = PendingChange.From(prepared);
        await retry.ExecuteAsync(token => PendingChanges.WriteAsync(dataSource, pending, token), cancellationToken).ConfigureAwait(false);
        var (failedStep, error) = await RunAsync(pending, lease, replay: false, cancellationToken).ConfigureAwait(false);
        if (failedStep is not null)
        {
            return prepared.Failed(failedStep, error!);
        }

        var createdAt = await retry.ExecuteAsync(token => CommitVersionAsync(pending, token), cancellationToken).ConfigureAwait(false);
        return prepared.Applied(createdAt);
    }

    /// <summary>Finishes (or takes back) a change a dead pod left half-way, if there is one; run at start.</summary>
    public async Task<RecoveryOutcome> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var lease = await StoreLease.AcquireAsync(dataSource, LeaseName, LeaseDuration, retry, cancellationToken).ConfigureAwait(false);
        return await RecoverAsync(lease, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RecoveryOutcome> RecoverAsync(StoreLease lease, CancellationToken cancellationToken)
    {
        var pending = await retry.ExecuteAsync(token => PendingChanges.ReadAsync(dataSource, token), cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            return RecoveryOutcome.NothingPending;
        }

        var version = await retry.ExecuteAsync(CurrentVersionAsync, cancellationToken).ConfigureAwait(false);
        if (version != pending.FromVersion)
        {
            // Its version cannot have committed (the same transaction deletes this row): it is from an older store.
            await retry.ExecuteAsync(token => PendingChanges.DeleteAsync(dataSource, pending.FromVersion, token), cancellationToken).ConfigureAwait(false);
            return RecoveryOutcome.Discarded;
        }

        var (failedStep, _) = await RunAsync(pending, lease, replay: true, cancellationToken).ConfigureAwait(false);
        if (failedStep is not null)
        {
            return RecoveryOutcome.TakenBack;
        }

        await retry.ExecuteAsync(token => CommitVersionAsync(pending, token), cancellationToken).ConfigureAwait(false);
        return RecoveryOutcome.Finished;
    }

    /// <summary>
    /// Runs the steps; returns the step the database refused (after taking the change back) or nulls when all ran.
    /// On <paramref name="replay"/>, a step whose object exists already was done before the crash.
    /// </summary>
    private async Task<(MigrationStep? Step, PostgresException? Error)> RunAsync(
        PendingChange pending, StoreLease lease, bool replay, CancellationToken cancellationToken)
    {
        foreach (var step in pending.Steps)
        {
            try
            {
                await retry.ExecuteAsync(token => ExecuteAsync(step.Sql, token), cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error) when (replay && DdlReplay.IsAlreadyDone(error))
            {
            }
            catch (PostgresException error)
            {
                await UndoAsync(pending, lease, cancellationToken).ConfigureAwait(false);
                return (step, error);
            }

            await lease.RenewAsync(cancellationToken).ConfigureAwait(false);
            if (AfterStep is { } afterStep)
            {
                await afterStep(step, cancellationToken).ConfigureAwait(false);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// Runs the plan back to the stored version, each step tolerating what is already so (undoing a step that never
    /// ran is a no-op: <c>IF EXISTS</c>, or an error that says the object is missing or present), then forgets the change.
    /// </summary>
    private async Task UndoAsync(PendingChange pending, StoreLease lease, CancellationToken cancellationToken)
    {
        foreach (var step in pending.Undo)
        {
            try
            {
                await retry.ExecuteAsync(token => ExecuteAsync(step.Sql, token), cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error) when (DdlReplay.IsAlreadyDone(error) || DdlReplay.IsAlreadyGone(error))
            {
            }
            catch (PostgresException error)
            {
                throw new InvalidOperationException(
                    $"A metadata change from version {pending.FromVersion} failed half-way and could not be taken back at \"{step.Description}\" "
                    + $"({error.SqlState}: {error.MessageText}). It stays pending in engine_meta.pending_changes; fix the data and apply again.",
                    error);
            }

            await lease.RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        await retry.ExecuteAsync(token => PendingChanges.DeleteAsync(dataSource, pending.FromVersion, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version row and the resource rows, with the pending change deleted, in one transaction: the last write of a change.</summary>
    private async Task<DateTimeOffset> CommitVersionAsync(PendingChange pending, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var createdAt = await MetadataWriter.WriteVersionAsync(
            connection, transaction, pending.FromVersion + 1, pending.Author, pending.Summary, pending.ToChangeSet(), pending.NewNumbers(),
            pending.NewEnumNumbers(), false, cancellationToken).ConfigureAwait(false);
        await StoreCommands.ExecuteAsync(connection, transaction, PendingChanges.DeleteSql, cancellationToken, pending.FromVersion).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return createdAt;
    }

    private async Task<long> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MetadataReader.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
