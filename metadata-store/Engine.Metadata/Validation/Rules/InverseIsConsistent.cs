using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// A relation's <c>inverse</c> names a relation on the target that points back: a to-many's inverse is a to-one
/// (one-to-many) or a to-many naming it back (many-to-many); a to-one's inverse is a to-many naming it back.
/// A field is the other side of at most one relation. On a PUT, relations of other resources whose inverse the
/// change breaks are reported too.
/// </summary>
internal sealed class InverseIsConsistent : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var resource = context.Resource;
        var claimed = new Dictionary<(string Target, string Inverse), string>();
        for (var i = 0; i < resource.Fields.Count; i++)
        {
            var field = resource.Fields[i];
            if (!HasCheckableInverse(field) || context.All.Find(field.Target) is not { } target)
            {
                continue;
            }

            // A self relation sees the resource under check, not the stored one it replaces.
            var problem = ProblemWith(resource, field, target.Name == resource.Name ? resource : target);
            if (problem is not null)
            {
                context.Report($"fields[{i}].inverse", problem);
            }
            else if (!claimed.TryAdd((field.Target!, field.Inverse!), field.Name))
            {
                context.Report($"fields[{i}].inverse", $"The relations '{claimed[(field.Target!, field.Inverse!)]}' and "
                    + $"'{field.Name}' both name '{field.Target}.{field.Inverse}' as their inverse; a field can be the other "
                    + "side of only one relation.");
            }
        }

        if (context.ChecksOtherResources)
        {
            CheckRelationsInto(context);
        }
    }

    /// <summary>Relations of other resources that name a field of this one as their inverse.</summary>
    private static void CheckRelationsInto(ValidationContext context)
    {
        var resource = context.Resource;
        foreach (var other in context.All.Resources)
        {
            if (other.Name == resource.Name)
            {
                continue;
            }

            for (var j = 0; j < other.Fields.Count; j++)
            {
                var field = other.Fields[j];
                if (field.Target == resource.Name && HasCheckableInverse(field) && ProblemWith(other, field, resource) is { } problem)
                {
                    context.ReportInOther(other, $"fields[{j}].inverse", problem);
                }
            }
        }
    }

    private static bool HasCheckableInverse(FieldDefinition field) =>
        field.Inverse is not null && (FieldShapes.IsToOne(field) || FieldShapes.IsToMany(field));

    /// <summary>What is wrong with <paramref name="field"/>'s inverse on <paramref name="target"/>, or null.</summary>
    private static string? ProblemWith(ResourceDefinition owner, FieldDefinition field, ResourceDefinition target)
    {
        var name = $"'{owner.Name}.{field.Name}'";
        var other = target.Fields.FirstOrDefault(f => f.Name == field.Inverse);
        if (other is null)
        {
            return $"The relation {name} names '{field.Inverse}' as its inverse, but resource '{target.Name}' has no field "
                + $"'{field.Inverse}'; name a relation of '{target.Name}' that points back to '{owner.Name}', or remove 'inverse'.";
        }

        var otherName = $"'{target.Name}.{other.Name}'";
        if (!FieldShapes.IsRelation(other) || other.Target != owner.Name)
        {
            return $"The relation {name} names {otherName} as its inverse, but {otherName} is not a relation to '{owner.Name}'.";
        }

        if (FieldShapes.IsToOne(field))
        {
            if (!FieldShapes.IsToMany(other))
            {
                return $"The to-one relation {name} names {otherName} as its inverse, which is not a to-many relation; "
                    + "one-to-one relations are not supported, the inverse of a to-one must have cardinality 'many'.";
            }

            return other.Inverse == field.Name ? null
                : $"The to-one relation {name} names {otherName} as its inverse, so {otherName} must name '{field.Name}' as its inverse in return.";
        }

        if (FieldShapes.IsToOne(other))
        {
            return other.Inverse is null || other.Inverse == field.Name ? null
                : $"The relation {name} names {otherName} as its inverse, but {otherName} names '{other.Inverse}' as its own inverse; "
                    + "both sides must name each other.";
        }

        return other.Inverse == field.Name ? null
            : $"The to-many relation {name} names the to-many relation {otherName} as its inverse, so {otherName} must name "
                + $"'{field.Name}' as its inverse in return (the two sides of a many-to-many share one join table).";
    }
}
