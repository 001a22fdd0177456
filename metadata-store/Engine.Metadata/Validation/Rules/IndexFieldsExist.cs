namespace Engine.Metadata.Validation.Rules;

/// <summary>An index lists at least one field; each exists, has a column (scalar or to-one) and appears once.</summary>
internal sealed class IndexFieldsExist : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var indexes = context.Resource.Indexes;
        for (var k = 0; k < indexes.Count; k++)
        {
            var names = indexes[k].Fields;
            if (names.Count == 0)
            {
                context.Report($"indexes[{k}].fields", "The index lists no fields; name at least one field, e.g. [\"status\", \"issuedOn\"].");
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var m = 0; m < names.Count; m++)
            {
                var name = names[m];
                var path = $"indexes[{k}].fields[{m}]";
                var field = context.Field(name);
                if (field is null && !FieldShapes.SystemFields.Contains(name))
                {
                    context.Report(path, $"The index names '{name}', which is not a field of '{context.Resource.Name}'.");
                }
                else if (field is not null && FieldShapes.IsToMany(field))
                {
                    context.Report(path, $"The index names the to-many relation '{name}', which has no column to index; index scalar fields or to-one relations.");
                }
                else if (!seen.Add(name))
                {
                    context.Report(path, $"The index names '{name}' twice; list each field once.");
                }
            }
        }
    }
}
