using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>How one resource differs between two versions; <see cref="Definition"/> is null when it was deleted.</summary>
internal sealed record ResourceChange(
    string Name,
    ResourceDefinition? Definition,
    string? Json,
    bool Created,
    IReadOnlyList<string> AddedFields,
    IReadOnlyList<string> RemovedFields,
    IReadOnlyList<string> ChangedFields)
{
    public bool Deleted => Definition is null;
}
