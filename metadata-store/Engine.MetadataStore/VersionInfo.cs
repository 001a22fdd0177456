namespace Engine.MetadataStore;

/// <summary>One entry of the metadata history (<c>GET /meta/history</c>).</summary>
/// <param name="Version">The version number.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Author">Who made it.</param>
/// <param name="Summary">What changed, in a line.</param>
public sealed record VersionInfo(long Version, DateTimeOffset CreatedAt, string Author, string Summary);
