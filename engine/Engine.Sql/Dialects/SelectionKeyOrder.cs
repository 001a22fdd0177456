using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engine.Query.Plans;

namespace Engine.Sql.Dialects;

/// <summary>
/// Puts the keys of a root field's JSON back in selection order. CockroachDB's <c>json</c> is <c>jsonb</c>, whose
/// objects keep their keys sorted, so <c>json_build_object</c> loses the order the API promises (Engine.Sql README:
/// keys keep selection order). The JSON is parsed once and written again, walking the plan's selection: each object
/// of a selection is written key by key in selection order; values that are not selections (scalars, Json fields)
/// are copied as they are.
/// </summary>
internal static class SelectionKeyOrder
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON of <paramref name="plan"/>'s field with its objects' keys in selection order.</summary>
    public static byte[] Reorder(ReadOnlyMemory<byte> json, RootPlan plan)
    {
        var items = ItemsOf(plan);
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteValue(writer, document.RootElement, items);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The selection of the root field's object (or of each object of its list).</summary>
    internal static IReadOnlyList<SelectionItem> ItemsOf(RootPlan plan) => plan switch
    {
        FindUniquePlan p => p.Selection.Items,
        FindManyPlan p => p.Selection.Items,
        ConnectionPlan p => p.Selection,
        CreatePlan p => p.Selection.Items,
        UpdatePlan p => p.Selection.Items,
        UpsertPlan p => p.Selection.Items,
        DeletePlan p => p.Selection.Items,
        UpdateManyPlan p => p.Selection.Items,
        DeleteManyPlan p => p.Selection.Items,
        _ => throw new ArgumentException($"No selection for a plan of type {plan.GetType().Name}.", nameof(plan)),
    };

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, IReadOnlyList<SelectionItem>? items)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when items is not null:
                WriteObject(writer, value, items);
                break;
            case JsonValueKind.Array when items is not null:
                writer.WriteStartArray();
                foreach (var element in value.EnumerateArray())
                {
                    WriteValue(writer, element, items);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement value, IReadOnlyList<SelectionItem> items)
    {
        writer.WriteStartObject();
        foreach (var item in items)
        {
            if (value.TryGetProperty(item.Key, out var property))
            {
                writer.WritePropertyName(item.Key);
                WriteValue(writer, property, ChildItems(item));
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The selection inside an item whose value is an object or a list of objects; null for leaf values.</summary>
    private static IReadOnlyList<SelectionItem>? ChildItems(SelectionItem item) => item switch
    {
        ToOneSelection s => s.Selection.Items,
        ToManySelection s => s.Selection.Items,
        PageInfoSelection s => s.Items,
        EdgesSelection s => s.Items,
        EdgeNodeSelection s => s.Selection.Items,
        AggregateSelection s => s.Items,
        _ => null,
    };
}
