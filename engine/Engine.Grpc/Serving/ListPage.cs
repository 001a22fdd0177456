using System.Buffers;
using System.Text.Json;
using Engine.Grpc.Codec;
using Engine.Grpc.Listing;
using Engine.Query.Plans;

namespace Engine.Grpc.Serving;

/// <summary>
/// A List call's connection: what it selects (<c>pageInfo { hasNextPage endCursor }</c>, edges with their node,
/// <c>aggregate { count }</c>) and how its JSON becomes a <c>List&lt;Rs&gt;Response</c>. Only the page's last row gets a
/// cursor (the next page token); the nodes' JSON is copied as it is, in one forward pass without building a document.
/// </summary>
internal static class ListPage
{
    private const string PageInfo = "pageInfo";
    private const string HasNextPage = "hasNextPage";
    private const string EndCursor = "endCursor";
    private const string Edges = "edges";
    private const string Node = "node";
    private const string Aggregate = "aggregate";
    private const string Count = "count";

    public static IReadOnlyList<SelectionItem> Selection(Selection node) =>
    [
        new PageInfoSelection(PageInfo, [new PageInfoFieldSelection(HasNextPage, PageInfoField.HasNextPage), new PageInfoFieldSelection(EndCursor, PageInfoField.EndCursor)]),
        new EdgesSelection(Edges, [new EdgeNodeSelection(Node, node)]),
        new AggregateSelection(Aggregate, [new AggregateCountSelection(Count)]),
    ];

    public static byte[] Write(ReadOnlyMemory<byte> connectionJson, ResourceMessageWriter writer, ListRequestPlan list)
    {
        var source = connectionJson.Span;
        var json = new Utf8JsonReader(source);
        var records = new ArrayBufferWriter<byte>(connectionJson.Length);
        var hasNextPage = false;
        string? endCursor = null;
        var total = 0;
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals(PageInfo))
            {
                (hasNextPage, endCursor) = ReadPageInfo(ref json);
            }
            else if (json.ValueTextEquals(Edges))
            {
                CopyNodes(ref json, source, records);
            }
            else if (json.ValueTextEquals(Aggregate))
            {
                total = ReadCount(ref json);
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        var token = hasNextPage && endCursor is not null ? list.NextPageToken(endCursor) : null;
        return writer.WriteListResponse(records.WrittenSpan, token, total);
    }

    private static (bool HasNextPage, string? EndCursor) ReadPageInfo(ref Utf8JsonReader json)
    {
        var hasNextPage = false;
        string? endCursor = null;
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isHasNext = json.ValueTextEquals(HasNextPage);
            var isEndCursor = json.ValueTextEquals(EndCursor);
            json.Read();
            if (isHasNext)
            {
                hasNextPage = json.GetBoolean();
            }
            else if (isEndCursor)
            {
                endCursor = json.TokenType == JsonTokenType.Null ? null : json.GetString();
            }
            else
            {
                json.Skip();
            }
        }

        return (hasNextPage, endCursor);
    }

    /// <summary>Writes <c>[node, node, …]</c>: each edge is <c>{"node": {…}}</c>, whose object is copied byte for byte.</summary>
    private static void CopyNodes(ref Utf8JsonReader json, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> records)
    {
        records.Write("["u8);
        var first = true;
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var isNode = json.ValueTextEquals(Node);
                json.Read();
                if (isNode)
                {
                    var start = (int)json.TokenStartIndex;
                    json.Skip();
                    if (!first)
                    {
                        records.Write(","u8);
                    }

                    records.Write(source[start..(int)json.BytesConsumed]);
                    first = false;
                }
                else
                {
                    json.Skip();
                }
            }
        }

        records.Write("]"u8);
    }

    private static int ReadCount(ref Utf8JsonReader json)
    {
        var count = 0;
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isCount = json.ValueTextEquals(Count);
            json.Read();
            if (isCount)
            {
                count = json.GetInt32();
            }
            else
            {
                json.Skip();
            }
        }

        return count;
    }
}
