using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using ProtoLabel = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace Engine.Grpc.Descriptors;

/// <summary>
/// Renders a <see cref="FileDescriptorProto"/> as <c>.proto</c> text: syntax, package, imports, services, then
/// messages with their nested enums, proto3 <c>optional</c>, <c>repeated</c> and <c>reserved</c>. Deterministic
/// (descriptor order, <c>\n</c> line ends), and <c>protoc</c> compiles the text back to the same descriptor.
/// </summary>
public static class ProtoPrinter
{
    private const string Indent = "  ";

    /// <summary>The <c>.proto</c> text of <paramref name="file"/>.</summary>
    public static string Print(FileDescriptorProto file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sb = new StringBuilder(4096);
        sb.Append("syntax = \"").Append(string.IsNullOrEmpty(file.Syntax) ? "proto2" : file.Syntax).Append("\";\n\n");
        var scope = string.IsNullOrEmpty(file.Package) ? "" : "." + file.Package;
        if (scope.Length > 0)
        {
            sb.Append("package ").Append(file.Package).Append(";\n\n");
        }

        if (file.Dependency.Count > 0)
        {
            foreach (var dependency in file.Dependency)
            {
                sb.Append("import \"").Append(dependency).Append("\";\n");
            }

            sb.Append('\n');
        }

        foreach (var service in file.Service)
        {
            PrintService(sb, service, scope);
            sb.Append('\n');
        }

        for (var i = 0; i < file.MessageType.Count; i++)
        {
            PrintMessage(sb, file.MessageType[i], scope, "");
            sb.Append(i + 1 < file.MessageType.Count ? "\n" : "");
        }

        foreach (var type in file.EnumType)
        {
            sb.Append('\n');
            PrintEnum(sb, type, "");
        }

        return sb.ToString();
    }

    private static void PrintService(StringBuilder sb, ServiceDescriptorProto service, string scope)
    {
        sb.Append("service ").Append(service.Name).Append(" {\n");
        foreach (var method in service.Method)
        {
            sb.Append(Indent).Append("rpc ").Append(method.Name)
                .Append('(').Append(method.ClientStreaming ? "stream " : "").Append(Relative(method.InputType, scope)).Append(")")
                .Append(" returns (").Append(method.ServerStreaming ? "stream " : "").Append(Relative(method.OutputType, scope)).Append(");\n");
        }

        sb.Append("}\n");
    }

    private static void PrintMessage(StringBuilder sb, DescriptorProto message, string outerScope, string indent)
    {
        var scope = outerScope + "." + message.Name;
        var inner = indent + Indent;
        sb.Append(indent).Append("message ").Append(message.Name).Append(" {\n");
        var reserved = PrintReserved(sb, message, inner);
        if (reserved && message.Field.Count + message.EnumType.Count + message.NestedType.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var field in message.Field)
        {
            // Only synthetic oneofs (proto3 optional) are generated, so every field prints on its own.
            sb.Append(inner).Append(Label(field)).Append(TypeOf(field, scope, message)).Append(' ').Append(field.Name)
                .Append(" = ").Append(field.Number.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }

        foreach (var type in message.EnumType)
        {
            sb.Append('\n');
            PrintEnum(sb, type, inner);
        }

        foreach (var nested in message.NestedType)
        {
            sb.Append('\n');
            PrintMessage(sb, nested, scope, inner);
        }

        sb.Append(indent).Append("}\n");
    }

    private static bool PrintReserved(StringBuilder sb, DescriptorProto message, string indent)
    {
        if (message.ReservedRange.Count > 0)
        {
            var ranges = message.ReservedRange.Select(r => r.End - r.Start == 1
                ? r.Start.ToString(CultureInfo.InvariantCulture)
                : r.Start.ToString(CultureInfo.InvariantCulture) + " to " + (r.End - 1).ToString(CultureInfo.InvariantCulture));
            sb.Append(indent).Append("reserved ").AppendJoin(", ", ranges).Append(";\n");
        }

        if (message.ReservedName.Count > 0)
        {
            sb.Append(indent).Append("reserved ").AppendJoin(", ", message.ReservedName.Select(n => "\"" + n + "\"")).Append(";\n");
        }

        return message.ReservedRange.Count + message.ReservedName.Count > 0;
    }

    // Enum reserved ranges include their end (message ones do not).
    private static bool PrintReserved(StringBuilder sb, EnumDescriptorProto type, string indent)
    {
        if (type.ReservedRange.Count > 0)
        {
            var ranges = type.ReservedRange.Select(r => r.End == r.Start
                ? r.Start.ToString(CultureInfo.InvariantCulture)
                : r.Start.ToString(CultureInfo.InvariantCulture) + " to " + r.End.ToString(CultureInfo.InvariantCulture));
            sb.Append(indent).Append("reserved ").AppendJoin(", ", ranges).Append(";\n");
        }

        if (type.ReservedName.Count > 0)
        {
            sb.Append(indent).Append("reserved ").AppendJoin(", ", type.ReservedName.Select(n => "\"" + n + "\"")).Append(";\n");
        }

        return type.ReservedRange.Count + type.ReservedName.Count > 0;
    }

    private static void PrintEnum(StringBuilder sb, EnumDescriptorProto type, string indent)
    {
        sb.Append(indent).Append("enum ").Append(type.Name).Append(" {\n");
        if (PrintReserved(sb, type, indent + Indent) && type.Value.Count > 0)
        {
            sb.Append('\n');
        }

        foreach (var value in type.Value)
        {
            sb.Append(indent).Append(Indent).Append(value.Name).Append(" = ").Append(value.Number.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }

        sb.Append(indent).Append("}\n");
    }

    private static string Label(FieldDescriptorProto field) => field.Label switch
    {
        ProtoLabel.Repeated => "repeated ",
        ProtoLabel.Required => "required ",
        _ when field.Proto3Optional => "optional ",
        _ => "",
    };

    private static string TypeOf(FieldDescriptorProto field, string scope, DescriptorProto message) => field.Type switch
    {
        ProtoType.Message or ProtoType.Enum or ProtoType.Group => Relative(field.TypeName, scope, message),
        ProtoType.Double => "double",
        ProtoType.Float => "float",
        ProtoType.Int64 => "int64",
        ProtoType.Uint64 => "uint64",
        ProtoType.Int32 => "int32",
        ProtoType.Fixed64 => "fixed64",
        ProtoType.Fixed32 => "fixed32",
        ProtoType.Bool => "bool",
        ProtoType.String => "string",
        ProtoType.Bytes => "bytes",
        ProtoType.Uint32 => "uint32",
        ProtoType.Sfixed32 => "sfixed32",
        ProtoType.Sfixed64 => "sfixed64",
        ProtoType.Sint32 => "sint32",
        ProtoType.Sint64 => "sint64",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unknown field type"),
    };

    /// <summary>
    /// The spelling of a fully qualified type name relative to <paramref name="scope"/>: <c>.engine.data.v1.Post.Status</c>
    /// inside <c>.engine.data.v1.Post</c> is <c>Status</c>. protoc resolves a name innermost scope first, so a name
    /// whose first part is also a type nested in <paramref name="message"/> (resource <c>Type</c> seen from
    /// <c>TypeEvent</c>, which nests an enum <c>Type</c>) keeps its leading dot: fully qualified.
    /// </summary>
    private static string Relative(string typeName, string scope, DescriptorProto? message = null)
    {
        for (var current = scope; current.Length > 0; current = current[..Math.Max(0, current.LastIndexOf('.'))])
        {
            if (typeName.Length > current.Length + 1 && typeName.StartsWith(current, StringComparison.Ordinal) && typeName[current.Length] == '.')
            {
                var relative = typeName[(current.Length + 1)..];
                return current != scope && message is not null && IsShadowed(relative, message) ? typeName : relative;
            }
        }

        return message is not null && IsShadowed(typeName[1..], message) ? typeName : typeName.TrimStart('.');
    }

    private static bool IsShadowed(string relative, DescriptorProto message)
    {
        var dot = relative.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? relative : relative[..dot];
        return message.EnumType.Any(e => e.Name == first) || message.NestedType.Any(m => m.Name == first);
    }
}
