using System.Text.Json;
using System.Text.Unicode;

namespace Engine.Grpc.Codec;

/// <summary>
/// Reads <c>google.protobuf.Struct</c> wire format into JSON text, validating as it goes: lengths, wire types,
/// UTF-8, numbers JSON can hold (no NaN or infinities), and nesting depth. Returns an error sentence, never throws.
/// </summary>
internal static class StructToJson
{
    /// <summary>Structs and lists nested deeper than this are rejected (protobuf's own recursion limit is 100).</summary>
    public const int MaxDepth = 32;

    /// <summary>Writes the Struct in <paramref name="payload"/> as a JSON object; returns null or what is wrong.</summary>
    public static string? WriteStruct(ReadOnlySpan<byte> payload, Utf8JsonWriter json, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"is nested more than {MaxDepth} levels deep.";
        }

        json.WriteStartObject();
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                return "is not a valid google.protobuf.Struct.";
            }

            if (number != 1)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    return "is not a valid google.protobuf.Struct.";
                }

                continue;
            }

            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var entry))
            {
                return "is not a valid google.protobuf.Struct.";
            }

            if (WriteEntry(entry, json, depth) is { } error)
            {
                return error;
            }
        }

        json.WriteEndObject();
        return null;
    }

    /// <summary>One map entry: key = 1, value = 2 (a missing value is null, as protobuf's default).</summary>
    private static string? WriteEntry(ReadOnlySpan<byte> entry, Utf8JsonWriter json, int depth)
    {
        var reader = new WireReader(entry);
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        var hasValue = false;
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                return "is not a valid google.protobuf.Struct.";
            }

            var ok = number switch
            {
                1 => wireType == WireType.LengthDelimited && reader.TryReadLengthDelimited(out key),
                2 => wireType == WireType.LengthDelimited && (hasValue = reader.TryReadLengthDelimited(out value)),
                _ => reader.TrySkip(number, wireType),
            };
            if (!ok)
            {
                return "is not a valid google.protobuf.Struct.";
            }
        }

        if (!Utf8.IsValid(key))
        {
            return "has a key that is not valid UTF-8.";
        }

        json.WritePropertyName(key);
        if (!hasValue)
        {
            json.WriteNullValue();
            return null;
        }

        return WriteValue(value, json, depth);
    }

    /// <summary>Writes one Value; of several kinds on the wire the last wins (oneof semantics), none is null.</summary>
    private static string? WriteValue(ReadOnlySpan<byte> payload, Utf8JsonWriter json, int depth)
    {
        var reader = new WireReader(payload);
        var kind = 0;
        ulong scalar = 0;
        ReadOnlySpan<byte> bytes = default;
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                return "is not a valid google.protobuf.Value.";
            }

            var ok = number switch
            {
                1 or 4 => wireType == WireType.Varint && reader.TryReadVarint(out scalar),
                2 => wireType == WireType.Fixed64 && reader.TryReadFixed64(out scalar),
                3 or 5 or 6 => wireType == WireType.LengthDelimited && reader.TryReadLengthDelimited(out bytes),
                _ => reader.TrySkip(number, wireType),
            };
            if (!ok)
            {
                return "is not a valid google.protobuf.Value.";
            }

            if (number <= 6)
            {
                kind = number;
            }
        }

        switch (kind)
        {
            case 2:
                var number = BitConverter.Int64BitsToDouble((long)scalar);
                if (!double.IsFinite(number))
                {
                    return "holds a number JSON cannot represent (NaN or infinity).";
                }

                json.WriteNumberValue(number);
                return null;
            case 3:
                if (!Utf8.IsValid(bytes))
                {
                    return "has a string that is not valid UTF-8.";
                }

                json.WriteStringValue(bytes);
                return null;
            case 4:
                json.WriteBooleanValue(scalar != 0);
                return null;
            case 5:
                return WriteStruct(bytes, json, depth + 1);
            case 6:
                return WriteList(bytes, json, depth + 1);
            default:
                json.WriteNullValue();
                return null;
        }
    }

    private static string? WriteList(ReadOnlySpan<byte> payload, Utf8JsonWriter json, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"is nested more than {MaxDepth} levels deep.";
        }

        json.WriteStartArray();
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                return "is not a valid google.protobuf.ListValue.";
            }

            if (number != 1)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    return "is not a valid google.protobuf.ListValue.";
                }

                continue;
            }

            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var item))
            {
                return "is not a valid google.protobuf.ListValue.";
            }

            if (WriteValue(item, json, depth) is { } error)
            {
                return error;
            }
        }

        json.WriteEndArray();
        return null;
    }
}
