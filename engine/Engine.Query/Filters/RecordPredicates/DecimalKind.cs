using System.Globalization;
using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// Decimal as PostgreSQL's numeric, exactly: Engine.Sql writes it as a JSON string of its digits, which may exceed
/// <see cref="decimal"/>'s range or precision. Values short enough to be exact as <see cref="decimal"/> compare as such;
/// longer ones as <see cref="NumericText"/>.
/// </summary>
internal sealed class DecimalKind : ValueKindOf<DecimalValue>
{
    public static readonly DecimalKind Instance = new();

    // A decimal holds 28 significant digits exactly; text no longer than that has at most 28 digits.
    private const int ExactLength = 28;

    protected override DecimalValue Read(JsonElement value, FieldModel field)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Malformed(field, value, "a decimal number"),
        };
        return Parse(text) ?? throw Malformed(field, value, "a decimal number");
    }

    protected override DecimalValue FromFilter(object value, FieldModel field)
    {
        var text = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return Parse(text) ?? throw new ArgumentException($"'{field.Name}' cannot compare with {text}.", nameof(value));
    }

    protected override int Order(DecimalValue left, DecimalValue right) =>
        left.Exact is { } l && right.Exact is { } r ? l.CompareTo(r) : NumericText.Compare(left.Text, right.Text);

    private static DecimalValue? Parse(string text)
    {
        if (!NumericText.TryParse(text, out var numeric))
        {
            return null;
        }

        decimal? exact = text.Length <= ExactLength
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
        return new DecimalValue(numeric, exact);
    }
}

/// <summary>A numeric value, with its <see cref="decimal"/> when that is exact.</summary>
internal readonly record struct DecimalValue(NumericText Text, decimal? Exact);
