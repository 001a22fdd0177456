using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engine.Runtime;

/// <summary>Loads the metadata at start and then polls the store, so versions made by other pods are served within a second.</summary>
public sealed partial class MetadataPoller(MetadataRuntime runtime, IOptions<EngineOptions> options, ILogger<MetadataPoller> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Start-up waits for the first version, so /readyz and the first request never see an engine without metadata.
        await runtime.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.MetadataPollMilliseconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await runtime.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e);
            }
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "checking the metadata store for new versions failed; retrying")]
    private partial void LogPollFailed(Exception exception);
}
