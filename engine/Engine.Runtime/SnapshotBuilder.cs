using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore;

namespace Engine.Runtime;

/// <summary>
/// Compiles stored metadata into an <see cref="EngineSnapshot"/>, incrementally: a resource whose definition and
/// relation targets are unchanged keeps its compiled <see cref="ResourceModel"/> object, and protocol compilers
/// reuse their per-resource artifacts by that identity. A change to one of 2,000 resources rebuilds one. A model
/// carries its removed fields' reserved numbers; the store reserves a number only when a field leaves the
/// definition, so an unchanged definition means unchanged reserved numbers and reuse stays correct.
/// </summary>
public sealed class SnapshotBuilder(IEnumerable<ISnapshotCompiler> compilers, string dataSchema)
{
    private readonly ISnapshotCompiler[] compilers = compilers.ToArray();

    /// <summary>Builds the snapshot of <paramref name="stored"/>; <paramref name="previous"/> is the one it replaces.</summary>
    public EngineSnapshot Build(StoredMetadata stored, EngineSnapshot? previous)
    {
        var definitions = CanonicalDefinitions(stored.Definitions, previous?.Model);
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var resources = new ResourceModel[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var old = previous?.Model.Resource(definition.Name);
            var storedResource = stored.Resource(definition.Name);
            resources[i] = old is not null && IsReusable(old, definition, byName, previous!.Model)
                && SameReservedFields(old, storedResource) && SameEnumNumbers(old, storedResource)
                ? old
                : SchemaModelBuilder.BuildResource(definition, byName, RemovedFields(storedResource), storedResource?.EnumValueNumbers);
        }

        var model = new SchemaModel(stored.Version, dataSchema, resources);
        var artifacts = new Dictionary<Type, object>(compilers.Length);
        foreach (var compiler in compilers)
        {
            artifacts[compiler.ArtifactType] = compiler.Compile(model, previous);
        }

        return new EngineSnapshot(model, artifacts);
    }

    /// <summary>The store's reserved numbers of a resource as the model carries them.</summary>
    private static RemovedField[] RemovedFields(StoredResource? resource) =>
        resource is null ? [] : resource.ReservedNumbers.Select(n => new RemovedField(n.Number, n.Field)).ToArray();

    /// <summary>
    /// True when <paramref name="old"/> reserves exactly the field numbers the store reserves now: a field added and
    /// removed again between two snapshots this pod saw leaves the same definition with one more reserved number.
    /// </summary>
    private static bool SameReservedFields(ResourceModel old, StoredResource? resource) =>
        old.RemovedFields.Select(f => f.Number).SequenceEqual(resource?.ReservedNumbers.Select(n => n.Number) ?? []);

    /// <summary>
    /// True when <paramref name="old"/>'s Enum fields have the numbers the store gives them now. An equal definition is
    /// not enough: a value added and removed again between two snapshots this pod saw leaves the same definition with
    /// one more reserved number.
    /// </summary>
    private static bool SameEnumNumbers(ResourceModel old, StoredResource? resource)
    {
        foreach (var field in old.Fields)
        {
            if (field.EnumValues.Count == 0)
            {
                continue;
            }

            var everUsed = resource?.EnumValueNumbers.GetValueOrDefault(field.Name) ?? [];
            if (!field.EnumNumbers.SequenceEqual(EnumValueNumbering.Number(field.EnumValues, everUsed).Select(n => n.Number))
                || !field.RemovedEnumValues.SequenceEqual(EnumValueNumbering.Removed(field.EnumValues, everUsed)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces each definition equal in content to the previous snapshot's with that same object, so that identity
    /// means "unchanged" from here on, whether the metadata came from this pod's change or from a reload.
    /// </summary>
    private static IReadOnlyList<ResourceDefinition> CanonicalDefinitions(IReadOnlyList<ResourceDefinition> definitions, SchemaModel? previous)
    {
        if (previous is null)
        {
            return definitions;
        }

        var result = new ResourceDefinition[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var old = previous.Resource(definition.Name)?.Definition;
            result[i] = old is not null && (ReferenceEquals(old, definition) || SameContent(old, definition)) ? old : definition;
        }

        return result;
    }

    private static bool IsReusable(ResourceModel old, ResourceDefinition definition, Dictionary<string, ResourceDefinition> byName, SchemaModel previous)
    {
        if (!ReferenceEquals(old.Definition, definition))
        {
            return false;
        }

        // Relation storage (inverse FK column, join table side) depends on the targets' definitions too.
        foreach (var field in definition.Fields)
        {
            if (field.Target is null)
            {
                continue;
            }

            if (!byName.TryGetValue(field.Target, out var target) || !ReferenceEquals(previous.Resource(field.Target)?.Definition, target))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameContent(ResourceDefinition a, ResourceDefinition b) =>
        JsonSerializer.Serialize(a).Equals(JsonSerializer.Serialize(b), StringComparison.Ordinal);
}
