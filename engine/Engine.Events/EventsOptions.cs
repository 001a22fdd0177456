using Microsoft.Extensions.Configuration;

namespace Engine.Events;

/// <summary>The <c>Events</c> configuration section: outbox relay timing, retention and subscriber buffers.</summary>
public sealed class EventsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Events";

    /// <summary>How long the relay waits before looking again when the outbox had nothing to publish (<c>Events:RelayIdleMilliseconds</c>).</summary>
    public int RelayIdleMilliseconds { get; set; } = 100;

    /// <summary>
    /// How long the relay waits after a pass that published events before the next pass (<c>Events:RelayLingerMilliseconds</c>):
    /// under steady writes the events of this interval then go out together, in fewer transactions and round trips per event,
    /// for at most this much more latency. 0 starts the next pass at once.
    /// </summary>
    public int RelayLingerMilliseconds { get; set; } = 10;

    /// <summary>The most rows one shard's transaction reads and publishes (<c>Events:RelayBatchSize</c>).</summary>
    public int RelayBatchSize { get; set; } = 500;

    /// <summary>How many shards this pod relays at the same time, each in its own transaction (<c>Events:RelayParallelism</c>).</summary>
    public int RelayParallelism { get; set; } = 8;

    /// <summary>The longest pause between attempts while publishing fails (<c>Events:MaxBackoffMilliseconds</c>).</summary>
    public int MaxBackoffMilliseconds { get; set; } = 3000;

    /// <summary>How long one publish may wait for JetStream's acknowledgement (<c>Events:PublishTimeoutMilliseconds</c>).</summary>
    public int PublishTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// How long delivered rows stay in the outbox before they are pruned (<c>Events:RetentionMinutes</c>). The default 0 deletes
    /// each row as it is delivered: the stream keeps the events, and a row deleted costs the database less than a row marked
    /// delivered and pruned later (docs/benchmarks.md). More than 0 keeps a trail of recent events in the database.
    /// </summary>
    public double RetentionMinutes { get; set; }

    /// <summary>How often delivered rows are pruned (<c>Events:PruneIntervalSeconds</c>).</summary>
    public int PruneIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// How long a row of a resource this pod does not know waits for the metadata to catch up (another pod may have just
    /// created the resource) before it is published in its raw column form (<c>Events:UnknownResourceGraceSeconds</c>).
    /// </summary>
    public int UnknownResourceGraceSeconds { get; set; } = 10;

    /// <summary>The events one subscription buffers before it is closed as too slow (<c>Events:SubscriberBuffer</c>).</summary>
    public int SubscriberBuffer { get; set; } = 1024;

    /// <summary>The CloudEvents <c>source</c> attribute (<c>Events:Source</c>).</summary>
    public string Source { get; set; } = "/engine";

    /// <summary>Reads the section from <paramref name="configuration"/>, defaults for what is missing.</summary>
    public static EventsOptions From(IConfiguration configuration)
    {
        var options = new EventsOptions();
        configuration.GetSection(Section).Bind(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RelayBatchSize, 1, "Events:RelayBatchSize");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RelayParallelism, 1, "Events:RelayParallelism");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SubscriberBuffer, 1, "Events:SubscriberBuffer");
        ArgumentOutOfRangeException.ThrowIfNegative(options.RetentionMinutes, "Events:RetentionMinutes");
        ArgumentOutOfRangeException.ThrowIfNegative(options.RelayLingerMilliseconds, "Events:RelayLingerMilliseconds");
        return options;
    }
}
