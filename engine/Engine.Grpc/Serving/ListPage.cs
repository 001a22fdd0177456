using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Engine.Grpc.Codec;
using Engine.Grpc.Listing;
using Engine.Query.Plans;

namespace Engine.Grpc.Serving;

/// <summary>
/// A List call's connection: what it selects (edges with node and cursor, <c>aggregate { count }</c>) and how its JSON
/// becomes a <c>List&lt;Rs&gt;Response</c>. The plan asks for page size + 1 rows; the extra one only proves that a
/// next page exists, and the token is bound to the last row returned.
/// </summary>
internal static class ListPage
{
    private const string Edges = "edges";
    private const string Node = "node";
    private const string Cursor = "cursor";
    private const string Aggregate = "aggregate";
    private const string Count = "count";

    public static IReadOnlyList<SelectionItem> Selection(Selection node) =>
    [
        new EdgesSelection(Edges, [new EdgeNodeSelection(Node, node), new CursorSelection(Cursor)]),
        new AggregateSelection(Aggregate, [new AggregateCountSelection(Count)]),
    ];

    public static byte[] Write(ReadOnlyMemory<byte> connectionJson, ResourceMessageWriter writer, ListRequestPlan list)
    {
        using var document = JsonDocument.Parse(connectionJson);
        var root = document.RootElement;
        var edges = root.GetProperty(Edges);
        var rows = Math.Min(edges.GetArrayLength(), list.PageSize);
        var records = new ArrayBufferWriter<byte>(connectionJson.Length);
        records.Write("["u8);
        for (var i = 0; i < rows; i++)
        {
            if (i > 0)
            {
                records.Write(","u8);
            }

            records.Write(JsonMarshal.GetRawUtf8Value(edges[i].GetProperty(Node)));
        }

        records.Write("]"u8);
        var token = edges.GetArrayLength() > list.PageSize ? list.NextPageToken(edges[rows - 1].GetProperty(Cursor).GetString()!) : null;
        var total = root.GetProperty(Aggregate).GetProperty(Count).GetInt32();
        return writer.WriteListResponse(records.WrittenSpan, token, total);
    }
}
