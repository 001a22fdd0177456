namespace Engine.Metadata.Validation.Rules;

/// <summary>A field name is camelCase: <c>^[a-z][A-Za-z0-9]{0,62}$</c>.</summary>
internal sealed class FieldNameIsCamelCase : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Name;
            if (string.IsNullOrEmpty(name))
            {
                context.Report($"fields[{i}].name", "The field has no name; give it a camelCase name such as 'issuedOn'.");
            }
            else if (!NamePatterns.Field().IsMatch(name))
            {
                context.Report($"fields[{i}].name", $"The field name '{name}' is not camelCase: it must start with a lower-case "
                    + "letter and contain only letters and digits, at most 63 characters (e.g. 'issuedOn').");
            }
        }
    }
}
