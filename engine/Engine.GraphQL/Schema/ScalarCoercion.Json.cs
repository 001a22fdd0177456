using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Engine.Query.Plans;

namespace Engine.GraphQL.Schema;

public static partial class ScalarCoercion
{
    /// <summary>Parses a JSON variable value (or a part of one) as the scalar named <paramref name="scalar"/>.</summary>
    public static bool TryCoerceJson(string scalar, JsonElement json, out object? value, [NotNullWhen(false)] out string? error)
    {
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Ok(null, out value, out error);
        }

        return (scalar, json.ValueKind) switch
        {
            (ScalarTypes.Id, JsonValueKind.String) => ParseId(json.GetString()!, out value, out error),
            (ScalarTypes.String, JsonValueKind.String) => Ok(json.GetString(), out value, out error),
            (ScalarTypes.Int, JsonValueKind.Number) => JsonInt(json, out value, out error),
            (ScalarTypes.Long, JsonValueKind.Number) => json.TryGetInt64(out var l)
                ? Ok(l, out value, out error)
                : ParseLong(json.GetRawText(), out value, out error),
            (ScalarTypes.Long, JsonValueKind.String) => ParseLong(json.GetString()!, out value, out error),
            (ScalarTypes.Float, JsonValueKind.Number) => ParseFloat(json.GetRawText(), out value, out error),
            (ScalarTypes.Decimal, JsonValueKind.Number) => ParseDecimal(json.GetRawText(), out value, out error),
            (ScalarTypes.Decimal, JsonValueKind.String) => ParseDecimal(json.GetString()!, out value, out error),
            (ScalarTypes.Boolean, JsonValueKind.True) => Ok(true, out value, out error),
            (ScalarTypes.Boolean, JsonValueKind.False) => Ok(false, out value, out error),
            (ScalarTypes.DateTime, JsonValueKind.String) => ParseDateTime(json.GetString()!, out value, out error),
            (ScalarTypes.Date, JsonValueKind.String) => ParseDate(json.GetString()!, out value, out error),
            (ScalarTypes.Json, _) => Ok(new JsonText(json.GetRawText()), out value, out error),
            _ when !IsScalar(scalar) => Unknown(scalar, out value, out error),
            _ => Fail($"{scalar} cannot represent {Describe(json.ValueKind)}: {Shorten(json.GetRawText())}", out value, out error),
        };
    }

    private static bool JsonInt(JsonElement json, out object? value, [NotNullWhen(false)] out string? error)
    {
        if (json.TryGetInt32(out var i))
        {
            return Ok(i, out value, out error);
        }

        // 1.0 is an integer to a JSON client (JavaScript has one number type).
        var d = json.GetDouble();
        return d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? Ok((int)d, out value, out error)
            : Fail($"Int cannot represent a value that is not a 32-bit integer: {json.GetRawText()}", out value, out error);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "this value",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
