using System.Globalization;
using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>Int (a JSON number) and Long (a JSON string, as Engine.Sql writes it) compared as 64-bit integers.</summary>
internal sealed class IntegerKind : ValueKindOf<long>
{
    public static readonly IntegerKind Instance = new();

    protected override long Read(JsonElement value, FieldModel field) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw Malformed(field, value, "an integer"),
    };

    protected override long FromFilter(object value, FieldModel field) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    protected override int Order(long left, long right) => left.CompareTo(right);
}
