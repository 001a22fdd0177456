using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>The definitions a change asks for, computed from the current ones; or why it cannot be asked.</summary>
internal static class TargetDefinitions
{
    public static TargetOutcome Of(MetadataChange change, StoredMetadata current) => change switch
    {
        PutResource put => Put(put.Definition, current),
        DeleteResource delete => Delete(delete, current),
        ApplyDocument apply => new TargetOutcome(apply.Resources),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    /// <summary>The relation fields of other resources that point at <paramref name="name"/>, as <c>Resource.field</c>.</summary>
    public static IReadOnlyList<string> RelationsTo(string name, StoredMetadata current) =>
        current.Definitions
            .Where(d => d.Name != name)
            .SelectMany(d => d.Fields.Where(f => PointsAt(f, name)).Select(f => $"{d.Name}.{f.Name}"))
            .ToArray();

    private static TargetOutcome Put(ResourceDefinition definition, StoredMetadata current)
    {
        var definitions = current.Definitions.ToList();
        var index = definitions.FindIndex(d => d.Name == definition.Name);
        if (index >= 0)
        {
            definitions[index] = definition;
        }
        else
        {
            definitions.Add(definition);
        }

        return new TargetOutcome(definitions);
    }

    private static TargetOutcome Delete(DeleteResource delete, StoredMetadata current)
    {
        if (current.Resource(delete.Name) is null)
        {
            return TargetOutcome.Refused(ChangeStatus.NotFound, $"There is no resource {delete.Name}.");
        }

        var relations = RelationsTo(delete.Name, current);
        if (relations.Count > 0 && !delete.Force)
        {
            return TargetOutcome.Refused(
                ChangeStatus.Conflict,
                $"{string.Join(", ", relations)} {(relations.Count == 1 ? "relates" : "relate")} to {delete.Name}; "
                + "remove those fields first, or delete with force to remove them too.");
        }

        var definitions = current.Definitions
            .Where(d => d.Name != delete.Name)
            .Select(d => d.Fields.Any(f => PointsAt(f, delete.Name)) ? WithoutRelationsTo(d, delete.Name) : d)
            .ToArray();
        return new TargetOutcome(definitions);
    }

    // The relation fields go, and with them the indexes over them and their places in access field lists.
    private static ResourceDefinition WithoutRelationsTo(ResourceDefinition definition, string target)
    {
        var removed = definition.Fields.Where(f => PointsAt(f, target)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return definition with
        {
            Fields = definition.Fields.Where(f => !removed.Contains(f.Name)).ToArray(),
            Indexes = definition.Indexes.Where(i => !i.Fields.Any(removed.Contains)).ToArray(),
            Access = definition.Access
                .Select(a => a.Fields is { } fields && fields.Any(removed.Contains)
                    ? a with { Fields = fields.Where(f => !removed.Contains(f)).ToArray() }
                    : a)
                .ToArray(),
        };
    }

    private static bool PointsAt(FieldDefinition field, string target) => field.Type == FieldTypes.Relation && field.Target == target;
}
