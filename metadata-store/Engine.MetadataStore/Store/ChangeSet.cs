using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>The resources a change creates, alters and deletes: what a new version stores and its summary lists.</summary>
internal sealed class ChangeSet
{
    private ChangeSet(IReadOnlyList<ResourceChange> resources) => Resources = resources;

    /// <summary>The changed resources: created and altered in target order, then deleted in stored order.</summary>
    public IReadOnlyList<ResourceChange> Resources { get; }

    public bool IsEmpty => Resources.Count == 0;

    public IEnumerable<ResourceChange> Created => Resources.Where(r => r.Created);

    public IEnumerable<ResourceChange> Altered => Resources.Where(r => !r.Created && !r.Deleted);

    public IEnumerable<ResourceChange> Deleted => Resources.Where(r => r.Deleted);

    /// <summary>The changes recorded earlier (a CockroachDB change being finished after a crash).</summary>
    public static ChangeSet Of(IReadOnlyList<ResourceChange> resources) => new(resources);

    /// <summary>Compares the stored metadata with the definitions it is to become.</summary>
    public static ChangeSet Between(StoredMetadata current, IReadOnlyList<ResourceDefinition> target)
    {
        var changes = new List<ResourceChange>();
        var targetNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in target)
        {
            targetNames.Add(definition.Name);
            var stored = current.Resource(definition.Name)?.Definition;

            // Resources a change does not touch are the very objects already stored; no need to compare them.
            if (ReferenceEquals(stored, definition))
            {
                continue;
            }

            var json = DefinitionJson.Serialize(definition);
            if (stored is null)
            {
                changes.Add(new ResourceChange(definition.Name, definition, json, true, definition.Fields.Select(f => f.Name).ToArray(), [], []));
            }
            else if (json != DefinitionJson.Serialize(stored))
            {
                changes.Add(Compare(stored, definition, json));
            }
        }

        foreach (var stored in current.Resources)
        {
            if (!targetNames.Contains(stored.Name))
            {
                changes.Add(new ResourceChange(stored.Name, null, null, false, [], stored.Definition.Fields.Select(f => f.Name).ToArray(), []));
            }
        }

        return new ChangeSet(changes);
    }

    private static ResourceChange Compare(ResourceDefinition stored, ResourceDefinition definition, string json)
    {
        var before = stored.Fields.ToDictionary(f => f.Name, DefinitionFieldJson, StringComparer.Ordinal);
        var after = definition.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        var changed = new List<string>();
        foreach (var field in definition.Fields)
        {
            if (!before.TryGetValue(field.Name, out var old))
            {
                added.Add(field.Name);
            }
            else if (old != DefinitionFieldJson(field))
            {
                changed.Add(field.Name);
            }
        }

        var removed = stored.Fields.Select(f => f.Name).Where(n => !after.Contains(n)).ToArray();
        return new ResourceChange(definition.Name, definition, json, false, added, removed, changed);
    }

    private static string DefinitionFieldJson(FieldDefinition field) => DefinitionJson.Serialize(field);
}
