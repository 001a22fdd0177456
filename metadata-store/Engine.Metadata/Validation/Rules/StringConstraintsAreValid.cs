using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// <c>maxLength</c> (positive) and <c>pattern</c> appear only on String fields; a pattern compiles in .NET and stays
/// within the regular-expression subset PostgreSQL reads the same way (see <see cref="PortablePattern"/>).
/// </summary>
internal sealed class StringConstraintsAreValid : IMetadataRule
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

            var isString = field.Type == FieldTypes.String;
            if (field.MaxLength is { } maxLength)
            {
                if (!isString)
                {
                    context.Report($"fields[{i}].maxLength", $"The field '{field.Name}' is {field.Type}, but maxLength applies only to String fields; remove it.");
                }
                else if (maxLength <= 0)
                {
                    context.Report($"fields[{i}].maxLength", $"The maxLength of '{field.Name}' is {maxLength}; it must be a positive number of characters.");
                }
            }

            if (field.Pattern is { } pattern)
            {
                if (!isString)
                {
                    context.Report($"fields[{i}].pattern", $"The field '{field.Name}' is {field.Type}, but pattern applies only to String fields; remove it.");
                }
                else if (PatternProblem(pattern) is { } problem)
                {
                    context.Report($"fields[{i}].pattern", $"The pattern of '{field.Name}' cannot be used: {problem}.");
                }
            }
        }
    }

    private static string? PatternProblem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "it is empty; remove 'pattern' to accept any text";
        }

        return PortablePattern.TryCompile(pattern, out _, out var error)
            ? PortablePattern.FindNonPortable(pattern)
            : "it is not a valid regular expression (" + error + ")";
    }
}
