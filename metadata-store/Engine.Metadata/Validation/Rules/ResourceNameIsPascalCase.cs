namespace Engine.Metadata.Validation.Rules;

/// <summary>A resource name is PascalCase: <c>^[A-Z][A-Za-z0-9]{0,62}$</c>.</summary>
internal sealed class ResourceNameIsPascalCase : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var name = context.Resource.Name;
        if (string.IsNullOrEmpty(name))
        {
            context.Report("name", "The resource has no name; give it a PascalCase singular name such as 'Invoice'.");
        }
        else if (!NamePatterns.Resource().IsMatch(name))
        {
            context.Report("name", $"The resource name '{name}' is not PascalCase: it must start with an upper-case letter "
                + "and contain only letters and digits, at most 63 characters (e.g. 'InvoiceLine').");
        }
    }
}
