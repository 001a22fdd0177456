namespace Engine.Metadata.Validation.Rules;

/// <summary>A relation's cardinality is <c>one</c> or <c>many</c>.</summary>
internal sealed class RelationCardinalityIsValid : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!FieldShapes.IsRelation(field))
            {
                continue;
            }

            if (field.Cardinality is null)
            {
                context.Report($"fields[{i}].cardinality", $"The relation '{field.Name}' has no cardinality; set it to 'one' or 'many'.");
            }
            else if (field.Cardinality is not (FieldShapes.One or FieldShapes.Many))
            {
                context.Report($"fields[{i}].cardinality", $"The relation '{field.Name}' has the cardinality '{field.Cardinality}'; use 'one' or 'many'.");
            }
        }
    }
}
