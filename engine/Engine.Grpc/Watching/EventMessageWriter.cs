using System.Text;
using Engine.Grpc.Codec;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Runtime.Events;

namespace Engine.Grpc.Watching;

/// <summary>
/// Writes <c>&lt;R&gt;Event { Type type = 1; &lt;R&gt; &lt;r&gt; = 2; repeated string updated_fields = 3; }</c> from a
/// <see cref="RecordEvent"/>: the record from the event's data with the resource's <see cref="ResourceMessageWriter"/>,
/// the updated fields as protobuf field names (<c>publishedAt</c> → <c>published_at</c>, a relation → <c>author_id</c>).
/// Compiled once per resource.
/// </summary>
public sealed class EventMessageWriter
{
    private readonly ResourceMessageWriter records;
    private readonly string[] names;
    private readonly byte[][] protoNames;

    private EventMessageWriter(ResourceMessageWriter records, string[] names, byte[][] protoNames)
    {
        this.records = records;
        this.names = names;
        this.protoNames = protoNames;
    }

    /// <summary>Compiles the event writer of <paramref name="records"/>' resource.</summary>
    public static EventMessageWriter Compile(ResourceMessageWriter records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var names = new List<string>();
        var protoNames = new List<byte[]>();
        foreach (var field in records.Resource.Fields)
        {
            if (ProtoNames.Field(field) is { } protoName)
            {
                names.Add(field.Name);
                protoNames.Add(Encoding.UTF8.GetBytes(protoName));
            }
        }

        return new EventMessageWriter(records, [.. names], [.. protoNames]);
    }

    /// <summary>The resource whose events this writer encodes.</summary>
    public ResourceModel Resource => records.Resource;

    /// <summary>The event message of <paramref name="recordEvent"/>.</summary>
    public byte[] Write(RecordEvent recordEvent)
    {
        ArgumentNullException.ThrowIfNull(recordEvent);
        var record = records.WriteMessage(recordEvent.Data.Span);
        var output = new ProtoWriter(record.Length + 16 + (recordEvent.UpdatedFields.Count * 16));
        output.WriteTag(1, WireType.Varint);
        output.WriteVarint(TypeNumber(recordEvent.Action));
        output.WriteBytesField(2, record);
        var next = 0;
        foreach (var updated in recordEvent.UpdatedFields)
        {
            if (ProtoName(updated, ref next) is { } name)
            {
                output.WriteBytesField(3, name);
            }
        }

        return output.ToArray();
    }

    /// <summary>The number of the event's <c>Type</c> value (the descriptor's <c>TYPE_UNSPECIFIED = 0, CREATED, UPDATED, DELETED</c>).</summary>
    internal static ulong TypeNumber(RecordAction action) => action switch
    {
        RecordAction.Created => 1,
        RecordAction.Updated => 2,
        RecordAction.Deleted => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown record action"),
    };

    /// <summary>
    /// The protobuf name of a field named in an event. Events list fields in resource order, so the next candidate is
    /// usually right; a field the writer does not know (the resource changed meanwhile) is left out.
    /// </summary>
    private byte[]? ProtoName(string field, ref int next)
    {
        if (next < names.Length && string.Equals(names[next], field, StringComparison.Ordinal))
        {
            return protoNames[next++];
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], field, StringComparison.Ordinal))
            {
                next = i + 1;
                return protoNames[i];
            }
        }

        return null;
    }
}
