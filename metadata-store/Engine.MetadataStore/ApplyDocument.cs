using Engine.Metadata.Definitions;

namespace Engine.MetadataStore;

/// <summary>Makes the metadata equal to a whole document (<c>POST /meta/apply</c>): missing resources are deleted.</summary>
public sealed record ApplyDocument(IReadOnlyList<ResourceDefinition> Resources) : MetadataChange;
