namespace Engine.Metadata.Validation.Rules;

/// <summary>No two resources have names that differ only in case (their tables would be the same).</summary>
internal sealed class ResourceNamesAreUniqueIgnoringCase : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var resource = context.Resource;
        if (string.IsNullOrEmpty(resource.Name))
        {
            return;
        }

        foreach (var other in context.All.WithNameIgnoringCase(resource.Name))
        {
            if (!ReferenceEquals(other, resource))
            {
                context.Report("name", $"The resource name '{resource.Name}' is already used by resource '{other.Name}' "
                    + "(names are compared ignoring case); choose another name.");
                return;
            }
        }
    }
}
