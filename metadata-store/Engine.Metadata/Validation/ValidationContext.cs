using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation;

/// <summary>What a rule sees: the resource under check, every resource, and where to report problems.</summary>
internal sealed class ValidationContext
{
    private readonly List<ValidationError> errors;
    private readonly string pathPrefix;
    private Dictionary<string, int>? fieldPositions;
    private string? plural;

    public ValidationContext(
        ResourceDefinition resource, MetadataIndex all, string pathPrefix, bool checksOtherResources, List<ValidationError> errors)
    {
        Resource = resource;
        All = all;
        this.pathPrefix = pathPrefix;
        ChecksOtherResources = checksOtherResources;
        this.errors = errors;
    }

    /// <summary>The resource being checked.</summary>
    public ResourceDefinition Resource { get; }

    /// <summary>Every resource, the checked one included.</summary>
    public MetadataIndex All { get; }

    /// <summary>
    /// True when only this resource changed (a PUT): rules then also report what the change breaks in other
    /// resources. When a whole document is validated each resource reports its own problems instead.
    /// </summary>
    public bool ChecksOtherResources { get; }

    /// <summary>The plural the resource is served under.</summary>
    public string Plural => plural ??= MetadataIndex.PluralOf(Resource);

    /// <summary>The position of the first declared field with this name, or -1.</summary>
    public int FieldPosition(string name)
    {
        if (fieldPositions is null)
        {
            fieldPositions = new Dictionary<string, int>(Resource.Fields.Count, StringComparer.Ordinal);
            for (var i = 0; i < Resource.Fields.Count; i++)
            {
                fieldPositions.TryAdd(Resource.Fields[i].Name, i);
            }
        }

        return fieldPositions.GetValueOrDefault(name, -1);
    }

    /// <summary>The first declared field with this name, or null.</summary>
    public FieldDefinition? Field(string name)
    {
        var position = FieldPosition(name);
        return position < 0 ? null : Resource.Fields[position];
    }

    /// <summary>Reports a problem at <paramref name="path"/>, relative to the resource's root.</summary>
    public void Report(string path, string message) => errors.Add(new ValidationError(pathPrefix + path, message));

    /// <summary>Reports a problem the checked resource causes in <paramref name="other"/>.</summary>
    public void ReportInOther(ResourceDefinition other, string path, string message) =>
        errors.Add(new ValidationError("resources[" + other.Name + "]." + path, message));
}
