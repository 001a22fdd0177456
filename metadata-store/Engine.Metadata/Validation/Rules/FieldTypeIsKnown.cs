using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>A field's type is one of the types of the metadata format.</summary>
internal sealed class FieldTypeIsKnown : IMetadataRule
{
    private static readonly string KnownTypes = string.Join(", ", FieldTypes.All.Order(StringComparer.Ordinal));

    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var type = fields[i].Type;
            if (string.IsNullOrEmpty(type))
            {
                context.Report($"fields[{i}].type", $"The field '{fields[i].Name}' has no type; use one of {KnownTypes}.");
            }
            else if (!FieldTypes.All.Contains(type))
            {
                var hint = FieldTypes.All.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
                context.Report($"fields[{i}].type", hint is null
                    ? $"The field '{fields[i].Name}' has the unknown type '{type}'; use one of {KnownTypes}."
                    : $"The field '{fields[i].Name}' has the unknown type '{type}'; type names are case-sensitive, did you mean '{hint}'?");
            }
        }
    }
}
