using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary><c>onDelete</c> is RESTRICT, CASCADE or SET_NULL, only on to-one relations, and SET_NULL only when optional.</summary>
internal sealed class OnDeleteIsValid : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.OnDelete is null || !FieldTypes.All.Contains(field.Type))
            {
                continue;
            }

            var path = $"fields[{i}].onDelete";
            if (!FieldShapes.IsRelation(field) || field.Cardinality == FieldShapes.Many)
            {
                context.Report(path, $"The field '{field.Name}' has 'onDelete', which applies only to relations with cardinality "
                    + "'one' (the side that holds the foreign key); remove it.");
            }
            else if (!FieldShapes.OnDeleteActions.Contains(field.OnDelete))
            {
                context.Report(path, $"The relation '{field.Name}' has the onDelete action '{field.OnDelete}'; use RESTRICT, CASCADE or SET_NULL.");
            }
            else if (field.OnDelete == "SET_NULL" && field.Required)
            {
                context.Report(path, $"The relation '{field.Name}' is required, so deleting its target cannot set it to null; "
                    + "use RESTRICT or CASCADE, or make the relation optional.");
            }
        }
    }
}
