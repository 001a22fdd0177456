namespace Engine.Metadata.Validation.Rules;

/// <summary>A declared plural is PascalCase and differs from the singular name.</summary>
internal sealed class PluralIsValid : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var plural = context.Resource.Plural;
        if (plural is null)
        {
            return;
        }

        if (!NamePatterns.Resource().IsMatch(plural))
        {
            context.Report("plural", $"The plural '{plural}' is not PascalCase: it must start with an upper-case letter "
                + "and contain only letters and digits, at most 63 characters (e.g. 'InvoiceLines'); omit it to use the English plural.");
        }
        else if (plural == context.Resource.Name)
        {
            context.Report("plural", $"The plural '{plural}' is the same as the resource name; the queries for one and for "
                + "many records need different names (e.g. 'Posts' for 'Post').");
        }
    }
}
