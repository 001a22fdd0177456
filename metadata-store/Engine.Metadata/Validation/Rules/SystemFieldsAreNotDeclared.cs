namespace Engine.Metadata.Validation.Rules;

/// <summary><c>id</c>, <c>createdAt</c> and <c>updatedAt</c> belong to every resource and may not be declared.</summary>
internal sealed class SystemFieldsAreNotDeclared : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (FieldShapes.SystemFields.Contains(fields[i].Name))
            {
                context.Report($"fields[{i}].name", $"'{fields[i].Name}' is a system field that every resource already has "
                    + "(id, createdAt, updatedAt); remove it or choose another name.");
            }
        }
    }
}
