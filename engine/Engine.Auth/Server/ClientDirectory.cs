using Engine.MetadataStore.Principals;

namespace Engine.Auth.Server;

/// <summary>
/// The clients the OAuth2 endpoints know: the stored ones, plus the built-in admin designer client
/// (<see cref="AuthOptions.AdminDesignerClientId"/>), which is not stored so no admin can give it a secret, roles or
/// other redirect URIs, and which no stored client can shadow.
/// </summary>
internal sealed class ClientDirectory(PrincipalStore principals)
{
    /// <summary>The admin designer: public (no secret), no roles or claims of its own; its redirect URI is checked by origin.</summary>
    public static readonly StoredClient AdminDesigner =
        new(AuthOptions.AdminDesignerClientId, null, [], new Dictionary<string, string>(), []);

    /// <summary>True for the built-in first-party clients, which skip the consent page.</summary>
    public static bool IsFirstParty(string? clientId) => clientId == AuthOptions.AdminDesignerClientId;

    /// <summary>The client <paramref name="clientId"/>, or null.</summary>
    public async Task<StoredClient?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        IsFirstParty(clientId) ? AdminDesigner : await principals.FindClientAsync(clientId, cancellationToken).ConfigureAwait(false);
}
