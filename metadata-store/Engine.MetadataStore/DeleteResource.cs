namespace Engine.MetadataStore;

/// <summary>
/// Removes a resource and its table (<c>DELETE /meta/resources/{name}</c>). Refused while its table has rows or
/// another resource relates to it, unless <see cref="Force"/>: then the rows go and the relation fields pointing
/// at it are removed from the other resources.
/// </summary>
public sealed record DeleteResource(string Name) : MetadataChange
{
    /// <summary>Delete even with rows and relations (<c>?force=true</c>).</summary>
    public bool Force { get; init; }
}
