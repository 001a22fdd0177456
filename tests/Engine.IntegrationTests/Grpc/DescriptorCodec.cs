using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Engine.IntegrationTests.Grpc;

/// <summary>
/// A test client's codec: C# has no DynamicMessage, so messages are dictionaries keyed by field name, encoded and
/// decoded by hand with <see cref="CodedOutputStream"/> / <see cref="CodedInputStream"/>, every tag and wire type
/// taken from descriptors fetched through server reflection (not from the engine's own codec).
/// </summary>
internal static class DescriptorCodec
{
    public static byte[] Encode(MessageDescriptor descriptor, IReadOnlyDictionary<string, object?> values)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var (name, value) in values)
        {
            var field = descriptor.FindFieldByName(name) ?? throw new ArgumentException($"{descriptor.FullName} has no field {name}");
            if (value is null)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                foreach (var item in (IEnumerable)value)
                {
                    WriteOne(output, field, item);
                }
            }
            else
            {
                WriteOne(output, field, value);
            }
        }

        output.Flush();
        return buffer.ToArray();
    }

    public static Dictionary<string, object?> Decode(MessageDescriptor descriptor, byte[] bytes)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null)
            {
                input.SkipLastField();
                continue;
            }

            object value = field.FieldType switch
            {
                FieldType.String => input.ReadString(),
                FieldType.Int32 => input.ReadInt32(),
                FieldType.Int64 => input.ReadInt64(),
                FieldType.Bool => input.ReadBool(),
                FieldType.Double => input.ReadDouble(),
                FieldType.Enum => input.ReadEnum(),
                FieldType.Message => Decode(field.MessageType, input.ReadBytes().ToByteArray()),
                _ => throw new NotSupportedException($"field type {field.FieldType}"),
            };
            if (field.IsRepeated)
            {
                if (!result.TryGetValue(field.Name, out var list))
                {
                    result[field.Name] = list = new List<object>();
                }

                ((List<object>)list!).Add(value);
            }
            else
            {
                result[field.Name] = value;
            }
        }

        return result;
    }

    private static void WriteOne(CodedOutputStream output, FieldDescriptor field, object value)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteString((string)value);
                break;
            case FieldType.Int32:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt32((int)value);
                break;
            case FieldType.Int64:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64((long)value);
                break;
            case FieldType.Bool:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteBool((bool)value);
                break;
            case FieldType.Double:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteDouble((double)value);
                break;
            case FieldType.Enum:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteEnum((int)value);
                break;
            case FieldType.Message:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Encode(field.MessageType, (IReadOnlyDictionary<string, object?>)value)));
                break;
            default:
                throw new NotSupportedException($"field type {field.FieldType}");
        }
    }
}
