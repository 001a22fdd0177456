using System.Globalization;
using System.Text.Json.Nodes;

namespace Engine.Benchmarks;

/// <summary>Generates resource definitions of 15 fields each (mixed types, one relation), as the benchmarks need.</summary>
internal static class SyntheticResources
{
    public static string Name(int i, string prefix = "Res") => prefix + i.ToString("D5", CultureInfo.InvariantCulture);

    public static JsonObject Definition(int i, string prefix = "Res")
    {
        var fields = new JsonArray
        {
            Field("title", "String", required: true, extra: ("maxLength", 200)),
            Field("code", "String", unique: true),
            Field("summary", "String"),
            Field("quantity", "Int", extra: ("min", 0)),
            Field("views", "Long"),
            Field("price", "Decimal", extra: ("precision", 12)),
            Field("ratio", "Float"),
            Field("active", "Boolean"),
            Field("startsAt", "DateTime"),
            Field("dueOn", "Date"),
            Field("payload", "Json"),
            new JsonObject { ["name"] = "state", ["type"] = "Enum", ["values"] = new JsonArray("NEW", "OPEN", "CLOSED") },
            Field("notes", "String"),
            Field("score", "Float"),
        };
        fields.Add(i > 0
            ? new JsonObject { ["name"] = "parent", ["type"] = "Relation", ["target"] = Name(i - 1, prefix), ["cardinality"] = "one" }
            : Field("rank", "Int"));
        return new JsonObject { ["name"] = Name(i, prefix), ["fields"] = fields };
    }

    private static JsonObject Field(string name, string type, bool required = false, bool unique = false, (string Key, int Value)? extra = null)
    {
        var field = new JsonObject { ["name"] = name, ["type"] = type };
        if (required)
        {
            field["required"] = true;
        }

        if (unique)
        {
            field["unique"] = true;
        }

        if (extra is { } e)
        {
            field[e.Key] = e.Value;
        }

        return field;
    }
}
