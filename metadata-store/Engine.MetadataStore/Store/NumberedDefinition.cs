using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>A definition with every field numbered, and the numbers given for the first time.</summary>
internal sealed record NumberedDefinition(ResourceDefinition Definition, IReadOnlyList<FieldNumber> NewNumbers);
