using System.Globalization;
using System.Text.Json;

namespace Engine.Metadata.Validation;

/// <summary>Reads numbers out of <c>default</c> values, which may be JSON numbers or (for Long and Decimal) numeric strings.</summary>
internal static class DefaultValues
{
    /// <summary>The default as a decimal, when it is a number (or numeric string) within decimal's range.</summary>
    public static bool TryGetDecimal(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>The default as a double, when it is a JSON number or numeric string (huge values included).</summary>
    public static bool TryGetDouble(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>A JSON value as it would appear in a message: strings quoted, the rest as written.</summary>
    public static string Show(JsonElement value) => value.GetRawText();
}
