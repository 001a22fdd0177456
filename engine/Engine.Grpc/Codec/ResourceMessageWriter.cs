using System.Buffers.Text;
using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Codec;

/// <summary>
/// Writes a resource message (or a <c>List&lt;Rs&gt;Response</c>) from the record JSON PostgreSQL builds for
/// <see cref="Selection"/>, in one pass over the JSON. Compiled once per resource and field subset (read_mask).
/// </summary>
/// <remarks>
/// The JSON the writer expects is the one <c>PostgresCompiler</c> renders for <see cref="Selection"/>: keys are the
/// GraphQL field names, in resource order. Scalars follow Engine.Sql's JSON forms (Long and Decimal as strings,
/// DateTime as ISO 8601 UTC). A to-one relation is a <see cref="ScalarSelection"/> of the relation field itself, so its
/// key is the relation's name and its value the foreign key id. A many-to-many relation without inverse is a
/// <see cref="ToManySelection"/> of <c>[{"id": …}]</c>. Keys are matched in order first (PostgreSQL keeps selection
/// order), so a property costs one comparison; an unexpected order falls back to a scan of the compiled fields.
/// </remarks>
public sealed class ResourceMessageWriter
{
    [ThreadStatic]
    private static ProtoWriter? scratch;

    private readonly MessageField[] fields;

    private ResourceMessageWriter(ResourceModel resource, MessageField[] fields)
    {
        Resource = resource;
        this.fields = fields;
        Selection = new Selection(fields.Select(SelectionOf).ToArray());
    }

    /// <summary>The resource this writer encodes.</summary>
    public ResourceModel Resource { get; }

    /// <summary>The selection whose JSON this writer reads; pass it to the SQL compiler unchanged.</summary>
    public Selection Selection { get; }

    /// <summary>
    /// Compiles the writer of <paramref name="resource"/>; <paramref name="schema"/> resolves relation targets;
    /// <paramref name="readMask"/> limits the fields written (null for all; fields without a message field are ignored).
    /// </summary>
    public static ResourceMessageWriter Compile(ResourceModel resource, SchemaModel schema, IReadOnlyCollection<FieldModel>? readMask = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        var layout = new MessageLayout(resource, schema);
        var fields = readMask is null ? layout.Fields : layout.Fields.Where(f => readMask.Contains(f.Model)).ToArray();
        return new ResourceMessageWriter(resource, fields);
    }

    /// <summary>The message of one record from its JSON object.</summary>
    public byte[] WriteMessage(ReadOnlySpan<byte> recordJson)
    {
        var output = Scratch();
        var json = new Utf8JsonReader(recordJson);
        json.Read();
        Expect(ref json, JsonTokenType.StartObject);
        WriteFields(ref json, output);
        return output.ToArray();
    }

    /// <summary>
    /// A <c>List&lt;Rs&gt;Response</c>: <c>repeated &lt;R&gt; = 1</c> from a JSON array of records,
    /// <c>next_page_token = 2</c> (omitted when empty), <c>total_size = 3</c> (omitted when 0).
    /// </summary>
    public byte[] WriteListResponse(ReadOnlySpan<byte> recordsJson, string? nextPageToken, int totalSize)
    {
        var output = Scratch();
        var json = new Utf8JsonReader(recordsJson);
        json.Read();
        Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref json, JsonTokenType.StartObject);
            var record = output.BeginLengthDelimited(1);
            WriteFields(ref json, output);
            output.EndLengthDelimited(record);
        }

        if (!string.IsNullOrEmpty(nextPageToken))
        {
            output.WriteBytesField(2, System.Text.Encoding.UTF8.GetBytes(nextPageToken));
        }

        if (totalSize != 0)
        {
            output.WriteTag(3, WireType.Varint);
            output.WriteVarint((ulong)(long)totalSize);
        }

        return output.ToArray();
    }

    /// <summary>Writes the fields of the object <paramref name="json"/> is on, leaving it on the object's end.</summary>
    private void WriteFields(ref Utf8JsonReader json, ProtoWriter output)
    {
        var next = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = Find(ref json, ref next);
            json.Read();
            if (field is null)
            {
                json.Skip();
            }
            else if (json.TokenType != JsonTokenType.Null)
            {
                WriteValue(field, ref json, output);
            }
        }
    }

    private MessageField? Find(ref Utf8JsonReader json, ref int next)
    {
        if (next < fields.Length && json.ValueTextEquals(fields[next].JsonKey))
        {
            return fields[next++];
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (json.ValueTextEquals(fields[i].JsonKey))
            {
                next = i + 1;
                return fields[i];
            }
        }

        return null;
    }

    private static void WriteValue(MessageField field, ref Utf8JsonReader json, ProtoWriter output)
    {
        var number = field.Number;
        switch (field.Codec)
        {
            case FieldCodec.Id or FieldCodec.String or FieldCodec.Decimal or FieldCodec.Date or FieldCodec.ToOne:
                JsonToStruct.WriteString(ref json, number, output);
                break;
            case FieldCodec.Int:
                output.WriteTag(number, WireType.Varint);
                output.WriteVarint((ulong)(long)json.GetInt32());
                break;
            case FieldCodec.Long:
                output.WriteTag(number, WireType.Varint);
                output.WriteVarint((ulong)ReadLong(ref json));
                break;
            case FieldCodec.Float:
                output.WriteTag(number, WireType.Fixed64);
                output.WriteFixed64((ulong)BitConverter.DoubleToInt64Bits(ReadDouble(ref json)));
                break;
            case FieldCodec.Boolean:
                output.WriteTag(number, WireType.Varint);
                output.WriteVarint(json.GetBoolean() ? 1UL : 0UL);
                break;
            case FieldCodec.Enum:
                output.WriteTag(number, WireType.Varint);
                output.WriteVarint((ulong)EnumNumber(field, ref json));
                break;
            case FieldCodec.DateTime or FieldCodec.OutputTimestamp:
                WriteTimestamp(number, json.GetDateTimeOffset(), output);
                break;
            case FieldCodec.Json:
                WriteJson(number, ref json, output);
                break;
            case FieldCodec.ToMany:
                WriteIds(number, ref json, output);
                break;
        }
    }

    private static long ReadLong(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Number)
        {
            return json.GetInt64();
        }

        if (!json.ValueIsEscaped && Utf8Parser.TryParse(json.ValueSpan, out long value, out var consumed) && consumed == json.ValueSpan.Length)
        {
            return value;
        }

        throw new InvalidOperationException("A Long value from the database is not an integer.");
    }

    // PostgreSQL renders the special double values as JSON strings.
    private static double ReadDouble(ref Utf8JsonReader json) =>
        json.TokenType == JsonTokenType.Number ? json.GetDouble()
        : json.ValueTextEquals("NaN"u8) ? double.NaN
        : json.ValueTextEquals("Infinity"u8) ? double.PositiveInfinity
        : json.ValueTextEquals("-Infinity"u8) ? double.NegativeInfinity
        : throw new InvalidOperationException("A Float value from the database is not a number.");

    private static int EnumNumber(MessageField field, ref Utf8JsonReader json)
    {
        var names = field.EnumNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (json.ValueTextEquals(names[i]))
            {
                return field.EnumNumbers[i];
            }
        }

        // A value removed from the definition while rows still hold it: report it as unspecified.
        return 0;
    }

    /// <summary>Writes a <c>google.protobuf.Timestamp</c> (seconds = 1, nanos = 2; zero values omitted).</summary>
    internal static void WriteTimestamp(int number, DateTimeOffset time, ProtoWriter output)
    {
        var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        var at = output.BeginLengthDelimited(number);
        if (seconds != 0)
        {
            output.WriteTag(1, WireType.Varint);
            output.WriteVarint((ulong)seconds);
        }

        if (remainder != 0)
        {
            output.WriteTag(2, WireType.Varint);
            output.WriteVarint((ulong)(remainder * 100));
        }

        output.EndLengthDelimited(at);
    }

    private static void WriteJson(int number, ref Utf8JsonReader json, ProtoWriter output)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            // google.protobuf.Struct holds objects only: a Json value that is an array or a scalar has no encoding.
            json.Skip();
            return;
        }

        var at = output.BeginLengthDelimited(number);
        JsonToStruct.WriteStruct(ref json, output);
        output.EndLengthDelimited(at);
    }

    /// <summary>Writes <c>repeated string</c> from the <c>[{"id": …}, …]</c> of a to-many selection.</summary>
    private static void WriteIds(int number, ref Utf8JsonReader json, ProtoWriter output)
    {
        Expect(ref json, JsonTokenType.StartArray);
        while (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                json.Read();
                if (json.TokenType == JsonTokenType.String)
                {
                    JsonToStruct.WriteString(ref json, number, output);
                }
                else
                {
                    json.Skip();
                }
            }
        }
    }

    private static SelectionItem SelectionOf(MessageField field) => field.Codec == FieldCodec.ToMany
        ? new ToManySelection(
            field.Model.Name, field.Model, field.Target!, ListArguments.All, new Selection([new ScalarSelection("id", field.Target!.Id)]))
        : new ScalarSelection(field.Model.Name, field.Model);

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (json.TokenType != type)
        {
            throw new InvalidOperationException($"Expected {type} in the record JSON, found {json.TokenType}.");
        }
    }

    private static ProtoWriter Scratch()
    {
        var output = scratch ??= new ProtoWriter();
        output.Reset();
        return output;
    }
}
