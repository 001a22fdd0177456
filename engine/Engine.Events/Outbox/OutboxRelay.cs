using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Engine.Dialects;
using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Runtime;
using Engine.Runtime.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engine.Events.Outbox;

/// <summary>
/// Publishes the outbox's undelivered rows, shard by shard, and prunes delivered ones. Each shard is relayed in one
/// transaction holding that shard's advisory lock (another pod holding it means that pod is on it, so the shard is
/// skipped): read up to a batch in <c>seq</c> order, publish it in waves (<see cref="PublishWave"/>: the events of different
/// records in flight together, a record's next event only after its earlier one was acknowledged, so each record's events
/// reach the stream in commit order even across failures), mark the acknowledged rows delivered, commit. A failed publish keeps the rest in the outbox; the relay backs off and retries, logging once per outage.
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    SnapshotHolder snapshots,
    IEventPublisher publisher,
    EventsOptions options,
    ILogger<OutboxRelay> logger,
    DatabaseDialect? dialect = null) : BackgroundService
{
    private const int FirstBackoffMilliseconds = 100;

    private readonly ConcurrentDictionary<string, bool> unknownResourcesLogged = new(StringComparer.Ordinal);
    private long? lastPrune;

    /// <summary>How long a batch already running on shutdown may take to finish before it is cancelled.</summary>
    internal static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On shutdown the batch in flight finishes (its rows marked delivered and its shard locks released by the
        // commit) so the pod that takes over does not publish them again; only one still running after the grace is cancelled.
        using var batches = new CancellationTokenSource();
        await using var graceful = stoppingToken.Register(() => batches.CancelAfter(ShutdownGrace)).ConfigureAwait(false);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayOnceAsync(batches.Token).ConfigureAwait(false);
                if (failures > 0)
                {
                    LogResumed(failures);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (batches.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                {
                    LogRelayFailing(e);
                }

                await Task.Delay(Backoff(failures), stoppingToken).ConfigureAwait(false);
                continue;
            }

            await PruneIfDueAsync(stoppingToken).ConfigureAwait(false);
            var pause = published == 0 ? options.RelayIdleMilliseconds : options.RelayLingerMilliseconds;
            if (pause > 0)
            {
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Relays every shard once (those another relay holds are skipped) and returns the number of events published;
    /// throws the first failure after the shards already started have finished.
    /// </summary>
    internal async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        if (snapshots.TryCurrent is not { } snapshot)
        {
            // No metadata yet, so no way to shape the events: they wait.
            return 0;
        }

        // One cheap query while idle instead of a transaction per shard.
        var shards = await OutboxStore.PendingShardsAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var published = 0;
        Exception? failure = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.RelayParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(shards, parallel, async (shard, token) =>
        {
            if (Volatile.Read(ref failure) is not null)
            {
                // The destination is failing; the other shards wait for the next attempt instead of each timing out.
                return;
            }

            try
            {
                Interlocked.Add(ref published, await (dialect ?? DatabaseDialect.Postgres).Retry.ExecuteAsync(t => RelayShardAsync(shard, snapshot, t), token).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }).ConfigureAwait(false);

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return published;
    }

    /// <summary>Deletes rows delivered longer ago than <c>Events:RetentionMinutes</c>; returns how many.</summary>
    internal Task<long> PruneAsync(CancellationToken cancellationToken) =>
        OutboxStore.PruneAsync(dataSource, options.RetentionMinutes, cancellationToken);

    private async Task<int> RelayShardAsync(int shard, EngineSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await OutboxStore.TryLockShardAsync(connection, transaction, shard, dialect?.IsCockroach == true, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var rows = await OutboxStore.ReadPendingAsync(connection, transaction, shard, options.RelayBatchSize, cancellationToken).ConfigureAwait(false);
        var delivered = new List<long>(rows.Count);
        var wave = new PublishWave(publisher, options.PublishTimeoutMilliseconds);
        Exception? failure = null;
        foreach (var row in rows)
        {
            var prepared = Prepare(row, snapshot);
            if (prepared.Wait)
            {
                // Later rows of the shard may be the same record's: they wait too, to keep its order.
                break;
            }

            if (prepared.Event is not { } recordEvent)
            {
                delivered.Add(row.Seq);
                continue;
            }

            if (wave.Has(row.RecordId))
            {
                // A record's next event goes out only once its earlier one is acknowledged: that keeps its order.
                failure = await wave.CompleteAsync(delivered, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    break;
                }
            }

            wave.Start(row, recordEvent, prepared.Names!, cancellationToken);
        }

        failure ??= await wave.CompleteAsync(delivered, cancellationToken).ConfigureAwait(false);

        // What was published stays published: marking it delivered spares the destination a resend.
        if (delivered.Count > 0)
        {
            await OutboxStore.MarkDeliveredAsync(connection, transaction, delivered, options.RetentionMinutes > 0, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return wave.Published;
    }

    /// <summary>The event of a row, or whether it must wait, or (for a row that cannot be an event at all) neither.</summary>
    private PreparedRow Prepare(OutboxRow row, EngineSnapshot snapshot)
    {
        if (snapshot.Model.Resource(row.Resource) is { } resource)
        {
            var converter = RecordEventConverter.For(resource);
            try
            {
                return new PreparedRow(converter.Convert(row), converter.Names, false);
            }
            catch (FormatException e)
            {
                LogUnconvertible(row.Seq, row.Resource, e);
            }
        }
        else
        {
            // Another pod may have just created the resource and this pod not loaded it yet.
            if (DateTimeOffset.UtcNow - row.CommittedAt < TimeSpan.FromSeconds(options.UnknownResourceGraceSeconds))
            {
                return new PreparedRow(null, null, true);
            }

            if (unknownResourcesLogged.TryAdd(row.Resource, true))
            {
                LogUnknownResource(row.Resource);
            }
        }

        try
        {
            return new PreparedRow(RawRowConverter.Convert(row), new ResourceEventNames(row.Resource), false);
        }
        catch (FormatException e)
        {
            // Not an event in any form; keeping it would stall its shard for good.
            LogDroppedInvalidRow(row.Seq, row.Resource, e);
            return new PreparedRow(null, null, false);
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        if (lastPrune is { } last && Stopwatch.GetElapsedTime(last) < TimeSpan.FromSeconds(options.PruneIntervalSeconds))
        {
            return;
        }

        lastPrune = Stopwatch.GetTimestamp();
        try
        {
            var pruned = await PruneAsync(cancellationToken).ConfigureAwait(false);
            if (pruned > 0)
            {
                LogPruned(pruned);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPruneFailed(e);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(options.MaxBackoffMilliseconds, FirstBackoffMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16))));

    private readonly record struct PreparedRow(RecordEvent? Event, ResourceEventNames? Names, bool Wait);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "relaying outbox events failed; they wait in the outbox and are retried with backoff")]
    private partial void LogRelayFailing(Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "relaying outbox events again after {Failures} failed attempts")]
    private partial void LogResumed(int failures);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "outbox rows of {Resource}, which the metadata does not have, are published with their raw columns")]
    private partial void LogUnknownResource(string resource);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "outbox row {Seq} of {Resource} does not fit the resource's model; it is published with its raw columns")]
    private partial void LogUnconvertible(long seq, string resource, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "outbox row {Seq} of {Resource} is not a valid event and was marked delivered without publishing")]
    private partial void LogDroppedInvalidRow(long seq, string resource, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "pruned {Count} delivered outbox rows")]
    private partial void LogPruned(long count);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "pruning delivered outbox rows failed; retrying at the next interval")]
    private partial void LogPruneFailed(Exception exception);
}
