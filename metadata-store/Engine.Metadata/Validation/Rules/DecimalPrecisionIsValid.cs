using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary><c>precision</c> (1..1000) and <c>scale</c> (0..precision) appear only on Decimal fields; a scale needs a precision.</summary>
internal sealed class DecimalPrecisionIsValid : IMetadataRule
{
    /// <summary>PostgreSQL's limit for <c>numeric(precision, scale)</c>.</summary>
    private const int MaxPrecision = 1000;

    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if ((field.Precision is null && field.Scale is null) || !FieldTypes.All.Contains(field.Type))
            {
                continue;
            }

            if (field.Type != FieldTypes.Decimal)
            {
                context.Report($"fields[{i}].{(field.Precision is null ? "scale" : "precision")}",
                    $"The field '{field.Name}' is {field.Type}, but precision and scale apply only to Decimal fields; remove them.");
                continue;
            }

            if (field.Precision is not { } precision)
            {
                context.Report($"fields[{i}].scale", $"The Decimal field '{field.Name}' has a scale but no precision; set 'precision' too (e.g. precision 12, scale 2).");
            }
            else if (precision is < 1 or > MaxPrecision)
            {
                context.Report($"fields[{i}].precision", $"The precision of '{field.Name}' is {precision}; it must be from 1 to {MaxPrecision} digits.");
            }
            else if (field.Scale is { } scale && (scale < 0 || scale > precision))
            {
                context.Report($"fields[{i}].scale", $"The scale of '{field.Name}' is {scale}; it must be from 0 to the precision ({precision}).");
            }
        }
    }
}
