using System.Text;
using Google.Protobuf.Reflection;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using ProtoLabel = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace Engine.Grpc.Descriptors;

/// <summary>Makes <see cref="FieldDescriptorProto"/>s the way <c>protoc</c> writes them (label always set, <c>json_name</c> filled in).</summary>
internal static class ProtoFields
{
    public static FieldDescriptorProto Scalar(string name, int number, ProtoType type) => Make(name, number, type, null, ProtoLabel.Optional);

    public static FieldDescriptorProto RepeatedScalar(string name, int number, ProtoType type) => Make(name, number, type, null, ProtoLabel.Repeated);

    /// <summary>A message-typed field; <paramref name="typeName"/> is fully qualified with a leading dot.</summary>
    public static FieldDescriptorProto Message(string name, int number, string typeName) => Make(name, number, ProtoType.Message, typeName, ProtoLabel.Optional);

    public static FieldDescriptorProto RepeatedMessage(string name, int number, string typeName) => Make(name, number, ProtoType.Message, typeName, ProtoLabel.Repeated);

    public static FieldDescriptorProto Enum(string name, int number, string typeName) => Make(name, number, ProtoType.Enum, typeName, ProtoLabel.Optional);

    /// <summary>A type reference as descriptors spell it: <c>.engine.data.v1.Post</c>.</summary>
    public static string TypeName(string fullName) => "." + fullName;

    /// <summary>protoc's default JSON name: <c>issued_on</c> → <c>issuedOn</c>.</summary>
    public static string JsonName(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_')
            {
                upper = true;
            }
            else
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
        }

        return sb.ToString();
    }

    private static FieldDescriptorProto Make(string name, int number, ProtoType type, string? typeName, ProtoLabel label)
    {
        var field = new FieldDescriptorProto { Name = name, Number = number, Type = type, Label = label, JsonName = JsonName(name) };
        if (typeName is not null)
        {
            field.TypeName = typeName;
        }

        return field;
    }
}
