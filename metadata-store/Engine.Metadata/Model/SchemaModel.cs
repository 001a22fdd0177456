using System.Collections.Frozen;

namespace Engine.Metadata.Model;

/// <summary>All validated resources of one metadata version, with their storage resolved.</summary>
public sealed class SchemaModel
{
    /// <summary>Builds the model over resources that already passed validation.</summary>
    public SchemaModel(long version, string dataSchema, IReadOnlyList<ResourceModel> resources)
    {
        Version = version;
        DataSchema = dataSchema;
        Resources = resources;
        ResourcesByName = resources.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>The metadata version this model describes.</summary>
    public long Version { get; }

    /// <summary>The PostgreSQL schema holding the data tables (default <c>data</c>).</summary>
    public string DataSchema { get; }

    /// <summary>Resources in definition order.</summary>
    public IReadOnlyList<ResourceModel> Resources { get; }

    /// <summary>Resources by name.</summary>
    public FrozenDictionary<string, ResourceModel> ResourcesByName { get; }

    /// <summary>The resource with this name, or null.</summary>
    public ResourceModel? Resource(string name) => ResourcesByName.GetValueOrDefault(name);
}
