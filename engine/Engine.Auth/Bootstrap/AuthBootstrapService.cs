using Engine.Auth.Hashing;
using Engine.Auth.Keys;
using Engine.MetadataStore;
using Engine.MetadataStore.Principals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Auth.Bootstrap;

/// <summary>
/// At start, before the server accepts requests: migrates the store (idempotent), loads the shared keys (creating them
/// once, rotating a signing key that is due) and creates or updates the client <c>engine-admin</c> from
/// <c>ENGINE_ADMIN_CLIENT_SECRET</c> (SPEC §6). The admin designer's client needs nothing here: it is built in
/// (<see cref="Server.ClientDirectory"/>).
/// </summary>
internal sealed partial class AuthBootstrapService(
    VersionedMetadataStore metadata, KeyRingLoader keys, PrincipalStore principals, IConfiguration configuration,
    ILogger<AuthBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await metadata.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await keys.RefreshAsync(cancellationToken).ConfigureAwait(false);

        var secret = configuration[AuthOptions.AdminSecretVariable];
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        var existing = await principals.FindClientAsync(AuthOptions.AdminClientId, cancellationToken).ConfigureAwait(false);
        var client = new StoredClient(
            AuthOptions.AdminClientId,
            SecretHasher.Hash(secret),
            existing is null ? ["admin"] : [.. existing.Roles.Union(["admin"], StringComparer.Ordinal)],
            existing?.Claims ?? new Dictionary<string, string>(),
            existing?.RedirectUris ?? []);
        await principals.SaveClientAsync(client, replace: true, cancellationToken).ConfigureAwait(false);
        LogAdminClient(logger, AuthOptions.AdminClientId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "bootstrap client {ClientId} set up from ENGINE_ADMIN_CLIENT_SECRET")]
    private static partial void LogAdminClient(ILogger logger, string clientId);
}
