using System.Collections.Frozen;
using Engine.Metadata.Definitions;

namespace Engine.MetadataStore;

/// <summary>The metadata at one version as stored: resources in creation order. Immutable; pods keep the latest.</summary>
public sealed class StoredMetadata
{
    /// <summary>Wraps the resources of one version.</summary>
    public StoredMetadata(long version, IReadOnlyList<StoredResource> resources)
    {
        Version = version;
        Resources = resources;
        ResourcesByName = resources.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);
        Definitions = resources.Select(r => r.Definition).ToArray();
    }

    /// <summary>Version 0: no resources.</summary>
    public static StoredMetadata Empty { get; } = new(0, []);

    /// <summary>The metadata version.</summary>
    public long Version { get; }

    /// <summary>The live resources in creation order.</summary>
    public IReadOnlyList<StoredResource> Resources { get; }

    /// <summary>The definitions of <see cref="Resources"/>, same order.</summary>
    public IReadOnlyList<ResourceDefinition> Definitions { get; }

    /// <summary>Resources by name.</summary>
    public FrozenDictionary<string, StoredResource> ResourcesByName { get; }

    /// <summary>The resource with this name, or null.</summary>
    public StoredResource? Resource(string name) => ResourcesByName.GetValueOrDefault(name);

    /// <summary>The whole document, as <c>GET /meta</c> returns it.</summary>
    public MetadataDocument ToDocument() => new() { Version = Version, Resources = Definitions };
}
