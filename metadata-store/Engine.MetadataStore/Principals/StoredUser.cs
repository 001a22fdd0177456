namespace Engine.MetadataStore.Principals;

/// <summary>A user of the built-in server's login page, as stored (the password only as its hash).</summary>
/// <param name="Id">The user's id, the <c>sub</c> of the user's tokens.</param>
/// <param name="Username">The unique login name.</param>
/// <param name="PasswordHash">The slow hash of the password.</param>
/// <param name="Roles">The roles the user's tokens carry.</param>
/// <param name="Claims">The further claims the user's tokens carry.</param>
/// <param name="Disabled">True when the user may neither log in nor refresh tokens.</param>
public sealed record StoredUser(
    Guid Id,
    string Username,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Claims,
    bool Disabled);
