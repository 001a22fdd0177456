using System.Buffers;
using System.Text.Json;

namespace Engine.Grpc.Codec;

/// <summary>
/// Writes JSON as <c>google.protobuf.Struct</c> / <c>Value</c> / <c>ListValue</c> wire format, reading it once:
/// Struct{map&lt;string, Value&gt; fields = 1}, Value{null_value = 1, number_value = 2, string_value = 3,
/// bool_value = 4, struct_value = 5, list_value = 6}, ListValue{repeated Value values = 1}.
/// </summary>
internal static class JsonToStruct
{
    /// <summary>Writes the content of a Struct from the object <paramref name="json"/> is on, leaving it on its end.</summary>
    public static void WriteStruct(ref Utf8JsonReader json, ProtoWriter output)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var entry = output.BeginLengthDelimited(1);
            WriteString(ref json, 1, output);
            json.Read();
            var value = output.BeginLengthDelimited(2);
            WriteValue(ref json, output);
            output.EndLengthDelimited(value);
            output.EndLengthDelimited(entry);
        }
    }

    /// <summary>Writes the content of a Value for the token <paramref name="json"/> is on.</summary>
    public static void WriteValue(ref Utf8JsonReader json, ProtoWriter output)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                output.WriteTag(1, WireType.Varint);
                output.WriteVarint(0);
                break;
            case JsonTokenType.Number:
                output.WriteTag(2, WireType.Fixed64);
                output.WriteFixed64((ulong)BitConverter.DoubleToInt64Bits(json.GetDouble()));
                break;
            case JsonTokenType.String:
                WriteString(ref json, 3, output);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                output.WriteTag(4, WireType.Varint);
                output.WriteVarint(json.TokenType == JsonTokenType.True ? 1UL : 0UL);
                break;
            case JsonTokenType.StartObject:
                var inner = output.BeginLengthDelimited(5);
                WriteStruct(ref json, output);
                output.EndLengthDelimited(inner);
                break;
            case JsonTokenType.StartArray:
                var list = output.BeginLengthDelimited(6);
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    var item = output.BeginLengthDelimited(1);
                    WriteValue(ref json, output);
                    output.EndLengthDelimited(item);
                }

                output.EndLengthDelimited(list);
                break;
            default:
                throw new InvalidOperationException($"Unexpected JSON token {json.TokenType} in a Json value.");
        }
    }

    /// <summary>Writes the current string or property name as a string field, unescaping only when it has escapes.</summary>
    public static void WriteString(ref Utf8JsonReader json, int number, ProtoWriter output)
    {
        if (!json.ValueIsEscaped)
        {
            output.WriteBytesField(number, json.ValueSpan);
            return;
        }

        // Unescaped text is never longer than its escaped form.
        var rented = ArrayPool<byte>.Shared.Rent(json.ValueSpan.Length);
        try
        {
            var length = json.CopyString(rented);
            output.WriteBytesField(number, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
