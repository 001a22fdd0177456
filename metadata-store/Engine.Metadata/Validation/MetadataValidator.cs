using Engine.Metadata.Definitions;
using Engine.Metadata.Validation.Rules;

namespace Engine.Metadata.Validation;

/// <summary>Checks metadata against every rule of SPEC §1; each error carries the JSON path of the offending value.</summary>
public static class MetadataValidator
{
    private static readonly IMetadataRule[] Rules =
    [
        new ResourceNameIsPascalCase(),
        new ResourceNamesAreUniqueIgnoringCase(),
        new PluralIsValid(),
        new FieldNameIsCamelCase(),
        new SystemFieldsAreNotDeclared(),
        new FieldNamesAreUnique(),
        new FieldTypeIsKnown(),
        new PropertiesFitType(),
        new RelationTargetExists(),
        new RelationCardinalityIsValid(),
        new InverseIsConsistent(),
        new OnDeleteIsValid(),
        new EnumValuesAreValid(),
        new DecimalPrecisionIsValid(),
        new StringConstraintsAreValid(),
        new NumericBoundsAreValid(),
        new DefaultFitsType(),
        new FieldNumbersAreValid(),
        new IndexFieldsExist(),
        new IndexesAreDistinct(),
        new AccessRulesAreValid(),
        new AccessWhereIsValid(),
        new ColumnNamesAreUnique(),
        new TableNamesAreUnique(),
        new IdentifiersFitPostgres(),
        new GeneratedNamesDoNotClash(),
        new ProtoRequestFieldsDoNotClash(),
    ];

    /// <summary>
    /// Validates a whole set of definitions (the metadata after a change). Paths are prefixed with
    /// <c>resources[i].</c>.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<ResourceDefinition> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var index = new MetadataIndex(resources);
        var errors = new List<ValidationError>();
        for (var i = 0; i < resources.Count; i++)
        {
            Run(new ValidationContext(resources[i], index, $"resources[{i}].", checksOtherResources: false, errors));
        }

        return errors;
    }

    /// <summary>
    /// Validates one resource as a member of <paramref name="all"/> (which contains it): for a PUT of one resource.
    /// Paths are relative to the resource (<c>fields[2].type</c>); problems it causes in other resources (a
    /// dangling inverse) are reported with <c>resources[Name].</c> paths.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateResource(ResourceDefinition resource, IReadOnlyList<ResourceDefinition> all)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(all);
        var errors = new List<ValidationError>();
        Run(new ValidationContext(resource, new MetadataIndex(WithMember(resource, all)), "", checksOtherResources: true, errors));
        return errors;
    }

    private static void Run(ValidationContext context)
    {
        foreach (var rule in Rules)
        {
            rule.Check(context);
        }
    }

    /// <summary>
    /// <paramref name="all"/> with <paramref name="resource"/> as the member of its name, so that a caller passing
    /// the stored list plus a new copy never sees the resource clash with its own old version.
    /// </summary>
    private static IReadOnlyList<ResourceDefinition> WithMember(ResourceDefinition resource, IReadOnlyList<ResourceDefinition> all)
    {
        var sameName = -1;
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], resource))
            {
                return all;
            }

            if (sameName < 0 && all[i].Name == resource.Name)
            {
                sameName = i;
            }
        }

        var members = all.ToList();
        if (sameName < 0)
        {
            members.Add(resource);
        }
        else
        {
            members[sameName] = resource;
        }

        return members;
    }
}
