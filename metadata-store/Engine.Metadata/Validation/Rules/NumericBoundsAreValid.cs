using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// <c>min</c>/<c>max</c> appear only on numeric fields, are whole numbers in range for Int and Long, satisfy
/// min &lt;= max, and a default lies between them.
/// </summary>
internal sealed class NumericBoundsAreValid : IMetadataRule
{
    public void Check(ValidationContext context)
    {
        var fields = context.Resource.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if ((field.Min is null && field.Max is null) || !FieldTypes.All.Contains(field.Type))
            {
                continue;
            }

            if (!FieldShapes.IsNumeric(field.Type))
            {
                var hint = field.Type == FieldTypes.String ? " (use maxLength or pattern for strings)" : "";
                context.Report($"fields[{i}].{(field.Min is null ? "max" : "min")}",
                    $"The field '{field.Name}' is {field.Type}, but min and max apply only to Int, Long, Float and Decimal fields{hint}; remove them.");
                continue;
            }

            var boundsFit = CheckBound(context, i, field, "min", field.Min) & CheckBound(context, i, field, "max", field.Max);
            if (!boundsFit)
            {
                continue;
            }

            if (field.Min > field.Max)
            {
                context.Report($"fields[{i}].max", $"The field '{field.Name}' has max {field.Max} below min {field.Min}; max must be at least min.");
            }
            else if (field.Default is { } value && DefaultValues.TryGetDouble(value, out var number))
            {
                CheckDefault(context, i, field, value, number);
            }
        }
    }

    /// <summary>Reports a bound an Int or Long column could never compare against sensibly; true when the bound is fine.</summary>
    private static bool CheckBound(ValidationContext context, int i, FieldDefinition field, string member, decimal? bound)
    {
        var (low, high) = field.Type switch
        {
            FieldTypes.Int => ((decimal)int.MinValue, (decimal)int.MaxValue),
            FieldTypes.Long => ((decimal)long.MinValue, (decimal)long.MaxValue),
            _ => (decimal.MinValue, decimal.MaxValue),
        };
        if (bound is not { } value || (value >= low && value <= high && (!IsWhole(field.Type) || decimal.Truncate(value) == value)))
        {
            return true;
        }

        context.Report($"fields[{i}].{member}", $"The {member} {value} of the {field.Type} field '{field.Name}' must be a whole number from {low} to {high}.");
        return false;
    }

    private static bool IsWhole(string type) => type is FieldTypes.Int or FieldTypes.Long;

    private static void CheckDefault(ValidationContext context, int i, FieldDefinition field, System.Text.Json.JsonElement value, double number)
    {
        // Decimal compares exactly; a default beyond decimal's range falls back to double.
        var isExact = DefaultValues.TryGetDecimal(value, out var exact);
        var tooLow = isExact ? exact < field.Min : number < (double?)field.Min;
        var tooHigh = isExact ? exact > field.Max : number > (double?)field.Max;
        if (tooLow)
        {
            context.Report($"fields[{i}].default", $"The default {DefaultValues.Show(value)} of '{field.Name}' is below its min {field.Min}.");
        }
        else if (tooHigh)
        {
            context.Report($"fields[{i}].default", $"The default {DefaultValues.Show(value)} of '{field.Name}' is above its max {field.Max}.");
        }
    }
}
