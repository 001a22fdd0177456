using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engine.Events.Diagnostics;

/// <summary>
/// The outbox's backlog as gauges (meter <see cref="MeterName"/>): <c>engine.outbox.size</c> (undelivered rows) and
/// <c>engine.outbox.lag</c> (age of the oldest undelivered row). One cheap query on the pending-rows index every
/// <see cref="Interval"/>, never per request; a scrape reads the last values. Every pod reports the same shared outbox.
/// </summary>
public sealed partial class OutboxGauges(NpgsqlDataSource dataSource, ILogger<OutboxGauges> logger) : BackgroundService
{
    /// <summary>The meter's name, for the host's metrics pipeline.</summary>
    public const string MeterName = "Engine.Events";

    /// <summary>How often the backlog is measured.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private const string BacklogSql = """
        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(committed_at)), 0)::float8
        FROM engine_meta.outbox WHERE delivered_at IS NULL
        """;

    private static readonly Meter Meter = new(MeterName);
    private static Backlog? latest;

    private static readonly ObservableGauge<long> Size = Meter.CreateObservableGauge(
        "engine.outbox.size", () => ObservedSize(), "{event}", "Outbox rows not yet published.");

    private static readonly ObservableGauge<double> Lag = Meter.CreateObservableGauge(
        "engine.outbox.lag", () => ObservedLag(), "s", "Age of the oldest outbox row not yet published (0 when none).");

    /// <summary>Measures the backlog once: undelivered rows and the age of the oldest in seconds.</summary>
    internal static async Task<(long Size, double LagSeconds)> MeasureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BacklogSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var failing = false;
        do
        {
            try
            {
                var (size, lag) = await MeasureAsync(dataSource, stoppingToken).ConfigureAwait(false);
                Volatile.Write(ref latest, new Backlog(size, lag));
                failing = false;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The gauges disappear rather than report a stale backlog; /readyz reports the database itself.
                Volatile.Write(ref latest, null);
                if (!failing)
                {
                    LogMeasureFailed(e);
                    failing = true;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static IEnumerable<Measurement<long>> ObservedSize() =>
        Volatile.Read(ref latest) is { } backlog ? [new Measurement<long>(backlog.Size)] : [];

    private static IEnumerable<Measurement<double>> ObservedLag() =>
        Volatile.Read(ref latest) is { } backlog ? [new Measurement<double>(backlog.LagSeconds)] : [];

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "measuring the outbox backlog failed; its gauges are absent until it works again")]
    private partial void LogMeasureFailed(Exception exception);

    private sealed record Backlog(long Size, double LagSeconds);
}
