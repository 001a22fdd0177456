using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>An Enum field lists at least one value; values are unique UPPER_SNAKE_CASE names.</summary>
internal sealed class EnumValuesAreValid : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Type != FieldTypes.Enum)
            {
                continue;
            }

            if (field.Values is null || field.Values.Count == 0)
            {
                context.Report($"fields[{i}].values", $"The Enum field '{field.Name}' needs a non-empty 'values' list, e.g. [\"DRAFT\", \"SENT\"].");
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < field.Values.Count; k++)
            {
                var value = field.Values[k];
                if (!NamePatterns.EnumValue().IsMatch(value))
                {
                    context.Report($"fields[{i}].values[{k}]", $"The enum value '{value}' of '{field.Name}' is not a valid name: "
                        + "use upper-case letters, digits and underscores, starting with a letter (e.g. 'IN_PROGRESS').");
                }
                else if (!seen.Add(value))
                {
                    context.Report($"fields[{i}].values[{k}]", $"The enum value '{value}' of '{field.Name}' is listed twice; values must be unique.");
                }
            }
        }
    }
}
