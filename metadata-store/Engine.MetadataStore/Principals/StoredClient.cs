namespace Engine.MetadataStore.Principals;

/// <summary>An OAuth2 client of the built-in server, as stored (the secret only as its hash; none for a public client).</summary>
/// <param name="ClientId">The client's id, the <c>sub</c> of its client_credentials tokens.</param>
/// <param name="SecretHash">The slow hash of the client's secret; null for a public client.</param>
/// <param name="Roles">The roles its client_credentials tokens carry.</param>
/// <param name="Claims">The further claims its client_credentials tokens carry.</param>
/// <param name="RedirectUris">Where the authorization endpoint may send this client's codes.</param>
public sealed record StoredClient(
    string ClientId,
    string? SecretHash,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Claims,
    IReadOnlyList<string> RedirectUris);
