namespace Engine.Metadata.Model;

/// <summary>Finds the two sides of a relation, whichever side declared the <c>inverse</c>.</summary>
public static class RelationSides
{
    /// <summary>
    /// The relation field of the target that is the other side of <paramref name="relation"/> (a field of
    /// <paramref name="owner"/>): the declared inverse, or a field of the target that names <paramref name="relation"/>
    /// as its inverse; null for a relation seen from one side only.
    /// </summary>
    public static FieldModel? OtherSide(SchemaModel model, ResourceModel owner, FieldModel relation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(relation);
        if (relation.Relation is not { } storage || model.Resource(storage.Target) is not { } target)
        {
            return null;
        }

        if (storage.Inverse is { } inverse && target.Field(inverse) is { Relation: not null } declared)
        {
            return declared;
        }

        foreach (var field in target.Fields)
        {
            if (field.Relation is { } other && other.Target == owner.Name && other.Inverse == relation.Name && !ReferenceEquals(field, relation))
            {
                return field;
            }
        }

        return null;
    }
}
