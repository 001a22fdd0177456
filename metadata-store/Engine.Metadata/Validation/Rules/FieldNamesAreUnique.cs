namespace Engine.Metadata.Validation.Rules;

/// <summary>No two fields of a resource share a name.</summary>
internal sealed class FieldNamesAreUnique : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var first = context.FieldPosition(fields[i].Name);
            if (first != i && !string.IsNullOrEmpty(fields[i].Name))
            {
                context.Report($"fields[{i}].name", $"The field name '{fields[i].Name}' is already used by fields[{first}]; "
                    + "field names must be unique within a resource.");
            }
        }
    }
}
