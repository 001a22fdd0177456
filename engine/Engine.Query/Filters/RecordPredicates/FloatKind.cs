using System.Globalization;
using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// Float as PostgreSQL's float8: NaN equals NaN and sorts above every number, -0 equals 0. PostgreSQL writes NaN and
/// the infinities as JSON strings.
/// </summary>
internal sealed class FloatKind : ValueKindOf<double>
{
    public static readonly FloatKind Instance = new();

    protected override double Read(JsonElement value, FieldModel field)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            switch (text)
            {
                case "NaN":
                    return double.NaN;
                case "Infinity":
                    return double.PositiveInfinity;
                case "-Infinity":
                    return double.NegativeInfinity;
            }
        }

        throw Malformed(field, value, "a number");
    }

    protected override double FromFilter(object value, FieldModel field) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    protected override int Order(double left, double right)
    {
        if (double.IsNaN(left))
        {
            return double.IsNaN(right) ? 0 : 1;
        }

        if (double.IsNaN(right))
        {
            return -1;
        }

        return left < right ? -1 : left > right ? 1 : 0;
    }
}
