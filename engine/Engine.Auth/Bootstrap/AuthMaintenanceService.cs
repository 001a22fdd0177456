using Engine.Auth.Keys;
using Engine.MetadataStore.Principals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Bootstrap;

/// <summary>
/// Every <see cref="AuthOptions.KeyRingRefreshSeconds"/>: rotates a due signing key and reloads the key ring (so pods
/// follow a rotation done by another), and forgets the ids of redeemed codes and refresh tokens that have expired.
/// A failed round is logged and retried next round; the keys already loaded keep working.
/// </summary>
internal sealed partial class AuthMaintenanceService(
    KeyRingLoader keys, RedeemedTokenStore redeemed, IOptions<AuthOptions> options, TimeProvider time, ILogger<AuthMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.KeyRingRefreshSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await keys.RefreshAsync(stoppingToken).ConfigureAwait(false);
                    await redeemed.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "auth maintenance failed; the loaded keys stay in use and it is retried")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
