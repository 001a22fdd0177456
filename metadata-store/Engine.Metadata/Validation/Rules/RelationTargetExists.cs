namespace Engine.Metadata.Validation.Rules;

/// <summary>A relation names its target, and the target is a defined resource.</summary>
internal sealed class RelationTargetExists : IMetadataRule
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

            if (string.IsNullOrEmpty(field.Target))
            {
                context.Report($"fields[{i}].target", $"The relation '{field.Name}' has no target; set 'target' to the name of the related resource.");
            }
            else if (context.All.Find(field.Target) is null)
            {
                var hint = context.All.WithNameIgnoringCase(field.Target).FirstOrDefault();
                context.Report($"fields[{i}].target", hint is null
                    ? $"The relation '{field.Name}' targets '{field.Target}', which is not a defined resource; define it first or fix the name."
                    : $"The relation '{field.Name}' targets '{field.Target}', which is not a defined resource; names are case-sensitive, did you mean '{hint.Name}'?");
            }
        }
    }
}
