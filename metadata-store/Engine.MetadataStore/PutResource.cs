using Engine.Metadata.Definitions;

namespace Engine.MetadataStore;

/// <summary>Creates a resource or replaces its definition (<c>PUT /meta/resources/{name}</c>).</summary>
public sealed record PutResource(ResourceDefinition Definition) : MetadataChange;
