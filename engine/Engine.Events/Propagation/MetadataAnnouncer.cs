using System.Threading.Channels;
using Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace Engine.Events.Propagation;

/// <summary>
/// Publishes <c>{"version": N}</c> on <c>engine.meta.changed</c> after each change this pod commits, so the other pods
/// load it at once. Publishing happens after the call returns, never delaying it; a failed announcement is logged and
/// the other pods find the version by polling. Without NATS it does nothing.
/// </summary>
public sealed partial class MetadataAnnouncer : BackgroundService
{
    private readonly INatsConnection? nats;
    private readonly MetadataRuntime runtime;
    private readonly ILogger<MetadataAnnouncer> logger;

    // Only the newest version is worth announcing: a pod that hears it loads the store's current version anyway.
    private readonly Channel<long> versions = Channel.CreateBounded<long>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>An announcer of <paramref name="runtime"/>'s changes over <paramref name="nats"/> (null: NATS not configured).</summary>
    public MetadataAnnouncer(INatsConnection? nats, MetadataRuntime runtime, ILogger<MetadataAnnouncer> logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        this.nats = nats;
        this.runtime = runtime;
        this.logger = logger;
        if (nats is not null)
        {
            runtime.ChangeApplied += OnChangeApplied;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        runtime.ChangeApplied -= OnChangeApplied;
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (nats is null)
        {
            return;
        }

        await foreach (var version in versions.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await nats.PublishAsync(MetadataAnnouncement.Subject, MetadataAnnouncement.Encode(version), cancellationToken: stoppingToken)
                    .ConfigureAwait(false);
                LogAnnounced(version);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogAnnounceFailed(e, version);
            }
        }
    }

    private void OnChangeApplied(object? sender, long version) => versions.Writer.TryWrite(version);

    [LoggerMessage(EventId = 505, Level = LogLevel.Debug, Message = "announced metadata version {Version} on engine.meta.changed")]
    private partial void LogAnnounced(long version);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "announcing metadata version {Version} failed; other pods will find it by polling")]
    private partial void LogAnnounceFailed(Exception exception, long version);
}
