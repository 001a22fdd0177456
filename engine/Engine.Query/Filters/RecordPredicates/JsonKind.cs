using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// Json as jsonb equality (the only comparison its filters offer): objects equal with keys in any order (a repeated
/// key keeps its last value, as jsonb does), arrays element by element, numbers by value (<c>1.0</c> = <c>1</c>),
/// strings exactly.
/// </summary>
internal sealed class JsonKind : ValueKindOf<JsonElement>
{
    public static readonly JsonKind Instance = new();

    protected override bool IsOrdered => false;

    protected override JsonElement Read(JsonElement value, FieldModel field) => value;

    protected override JsonElement FromFilter(object value, FieldModel field)
    {
        var text = value is JsonText json ? json.Text : throw new ArgumentException($"'{field.Name}' compares with JSON text.", nameof(value));
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    protected override int Order(JsonElement left, JsonElement right) =>
        throw new NotSupportedException("Json values are only compared for equality.");

    protected override bool Same(JsonElement left, JsonElement right) => JsonbEquals(left, right);

    /// <summary>jsonb's <c>=</c>.</summary>
    public static bool JsonbEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return NumericText.TryParse(left.GetRawText(), out var a) && NumericText.TryParse(right.GetRawText(), out var b)
                    && NumericText.Compare(a, b) == 0;
            case JsonValueKind.String:
                return left.ValueEquals(right.GetString());
            case JsonValueKind.Array:
                return ArraysEqual(left, right);
            case JsonValueKind.Object:
                return ObjectsEqual(left, right);
            default:
                // null, true and false: equal kinds are equal values.
                return true;
        }
    }

    private static bool ArraysEqual(JsonElement left, JsonElement right)
    {
        if (left.GetArrayLength() != right.GetArrayLength())
        {
            return false;
        }

        using var l = left.EnumerateArray();
        using var r = right.EnumerateArray();
        while (l.MoveNext() && r.MoveNext())
        {
            if (!JsonbEquals(l.Current, r.Current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonElement left, JsonElement right)
    {
        var l = LastValues(left);
        var r = LastValues(right);
        if (l.Count != r.Count)
        {
            return false;
        }

        foreach (var (key, value) in l)
        {
            if (!r.TryGetValue(key, out var other) || !JsonbEquals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, JsonElement> LastValues(JsonElement element)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return values;
    }
}
