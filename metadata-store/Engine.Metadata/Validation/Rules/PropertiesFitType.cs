using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// Properties that only make sense for some types appear only there: <c>values</c> on Enum; <c>target</c>,
/// <c>cardinality</c>, <c>inverse</c> on Relation; <c>unique</c> and <c>required</c> not on to-many relations;
/// <c>unique</c> not on Json.
/// </summary>
internal sealed class PropertiesFitType : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!FieldTypes.All.Contains(field.Type))
            {
                continue;
            }

            if (field.Values is not null && field.Type != FieldTypes.Enum)
            {
                ReportOnlyFor(context, i, field, "values", "Enum");
            }

            if (!FieldShapes.IsRelation(field))
            {
                if (field.Target is not null)
                {
                    ReportOnlyFor(context, i, field, "target", "Relation");
                }

                if (field.Cardinality is not null)
                {
                    ReportOnlyFor(context, i, field, "cardinality", "Relation");
                }

                if (field.Inverse is not null)
                {
                    ReportOnlyFor(context, i, field, "inverse", "Relation");
                }
            }

            if (FieldShapes.IsToMany(field))
            {
                if (field.Unique)
                {
                    context.Report($"fields[{i}].unique", $"The to-many relation '{field.Name}' cannot be unique: it has no column of its own; remove 'unique'.");
                }

                if (field.Required)
                {
                    context.Report($"fields[{i}].required", $"The to-many relation '{field.Name}' cannot be required: a list of related records may always be empty; remove 'required'.");
                }
            }

            if (field.Unique && field.Type == FieldTypes.Json)
            {
                context.Report($"fields[{i}].unique", $"The Json field '{field.Name}' cannot be unique; remove 'unique'.");
            }
        }
    }

    private static void ReportOnlyFor(ValidationContext context, int i, FieldDefinition field, string property, string type) =>
        context.Report($"fields[{i}].{property}", $"The field '{field.Name}' is {field.Type}, but '{property}' applies only to {type} fields; remove it.");
}
