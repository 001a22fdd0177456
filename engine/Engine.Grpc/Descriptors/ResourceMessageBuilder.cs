using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Google.Protobuf.Reflection;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Engine.Grpc.Descriptors;

/// <summary>
/// Builds a resource's message (SPEC §1, protobuf column): system fields 1..3, each declared field under its stored
/// number, Enum fields as nested enums with their stored value numbers, optional scalars with proto3 presence, removed
/// fields' and removed enum values' numbers reserved.
/// </summary>
internal static class ResourceMessageBuilder
{
    /// <summary>The message of <paramref name="resource"/>; <paramref name="usesStruct"/> tells whether a Json field imports struct.proto.</summary>
    public static DescriptorProto Build(ResourceModel resource, ReservedFields reserved, out bool usesStruct)
    {
        var messageName = ProtoNames.Message(resource.Name);
        var messageFullName = ProtoNames.FullName(messageName);
        var message = new DescriptorProto { Name = messageName };
        var optional = new List<FieldDescriptorProto>();
        usesStruct = false;
        foreach (var field in resource.Fields)
        {
            if (ProtoNames.Field(field) is not { } name)
            {
                continue;
            }

            var proto = FieldOf(field, name, messageFullName, message);
            usesStruct |= field.Scalar == ScalarKind.Json && field.Kind == FieldKind.Scalar;
            if (HasExplicitPresence(field, proto))
            {
                optional.Add(proto);
            }

            message.Field.Add(proto);
        }

        // proto3 `optional` is a synthetic oneof per field, declared after any real oneof (there are none here).
        foreach (var field in optional)
        {
            field.Proto3Optional = true;
            field.OneofIndex = message.OneofDecl.Count;
            message.OneofDecl.Add(new OneofDescriptorProto { Name = "_" + field.Name });
        }

        AddReserved(message, reserved);
        return message;
    }

    private static FieldDescriptorProto FieldOf(FieldModel field, string name, string messageFullName, DescriptorProto message) => field.Kind switch
    {
        FieldKind.ToOne => ProtoFields.Scalar(name, field.Number, ProtoType.String),
        FieldKind.ToMany => ProtoFields.RepeatedScalar(name, field.Number, ProtoType.String),
        _ => field.Scalar switch
        {
            ScalarKind.Id or ScalarKind.String or ScalarKind.Decimal or ScalarKind.Date => ProtoFields.Scalar(name, field.Number, ProtoType.String),
            ScalarKind.Int => ProtoFields.Scalar(name, field.Number, ProtoType.Int32),
            ScalarKind.Long => ProtoFields.Scalar(name, field.Number, ProtoType.Int64),
            ScalarKind.Float => ProtoFields.Scalar(name, field.Number, ProtoType.Double),
            ScalarKind.Boolean => ProtoFields.Scalar(name, field.Number, ProtoType.Bool),
            ScalarKind.DateTime => ProtoFields.Message(name, field.Number, WellKnownFiles.TimestampType),
            ScalarKind.Json => ProtoFields.Message(name, field.Number, WellKnownFiles.StructType),
            ScalarKind.Enum => EnumField(field, name, messageFullName, message),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Scalar, "no protobuf type for this scalar kind"),
        },
    };

    private static FieldDescriptorProto EnumField(FieldModel field, string name, string messageFullName, DescriptorProto message)
    {
        var enumName = ProtoNames.EnumType(field.Name);
        var type = new EnumDescriptorProto { Name = enumName };
        type.Value.Add(new EnumValueDescriptorProto { Name = ProtoNames.EnumUnspecifiedValue(field.Name), Number = 0 });
        for (var i = 0; i < field.EnumValues.Count; i++)
        {
            type.Value.Add(new EnumValueDescriptorProto { Name = ProtoNames.EnumValue(field.Name, field.EnumValues[i]), Number = field.EnumNumbers[i] });
        }

        AddReservedValues(type, field.Name, field.RemovedEnumValues);
        message.EnumType.Add(type);
        return ProtoFields.Enum(name, field.Number, ProtoFields.TypeName(messageFullName + "." + enumName));
    }

    /// <summary>
    /// Removed values keep their numbers and names reserved, so a client compiled against an older version never reads
    /// another value's meaning into its number. Enum reserved ranges include their end, unlike message ones.
    /// </summary>
    private static void AddReservedValues(EnumDescriptorProto type, string field, IReadOnlyList<EnumValueNumber> removed)
    {
        var numbers = removed.Select(v => v.Number).Distinct().Order().ToArray();
        for (var i = 0; i < numbers.Length; i++)
        {
            var start = numbers[i];
            while (i + 1 < numbers.Length && numbers[i + 1] == numbers[i] + 1)
            {
                i++;
            }

            type.ReservedRange.Add(new EnumDescriptorProto.Types.EnumReservedRange { Start = start, End = numbers[i] });
        }

        var names = type.Value.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        type.ReservedName.Add(removed.Select(v => ProtoNames.EnumValue(field, v.Value)).Where(names.Add).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A nullable user scalar gets proto3 <c>optional</c> so "not set" (null) differs from the zero value; message
    /// fields have presence already, and system fields are always set.
    /// </summary>
    private static bool HasExplicitPresence(FieldModel field, FieldDescriptorProto proto) =>
        !field.IsSystem && !field.Required && field.Kind != FieldKind.ToMany && proto.Type != ProtoType.Message;

    private static void AddReserved(DescriptorProto message, ReservedFields reserved)
    {
        var inUse = message.Field.Select(f => f.Number).ToHashSet();
        var numbers = reserved.Numbers.Distinct().Order().ToArray();
        foreach (var number in numbers)
        {
            if (inUse.Contains(number))
            {
                throw new ArgumentException($"The reserved number {number} of '{message.Name}' is used by a current field.", nameof(reserved));
            }
        }

        // Consecutive numbers form one range (end exclusive), as protoc writes `reserved 4 to 6`.
        for (var i = 0; i < numbers.Length; i++)
        {
            var start = numbers[i];
            while (i + 1 < numbers.Length && numbers[i + 1] == numbers[i] + 1)
            {
                i++;
            }

            message.ReservedRange.Add(new DescriptorProto.Types.ReservedRange { Start = start, End = numbers[i] + 1 });
        }

        var names = message.Field.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        message.ReservedName.Add(reserved.Names.Where(names.Add).Order(StringComparer.Ordinal));
    }
}
