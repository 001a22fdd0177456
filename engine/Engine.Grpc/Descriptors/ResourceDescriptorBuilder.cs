using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Descriptors;

/// <summary>
/// Builds the file <c>engine/data/v1/&lt;resource_snake&gt;.proto</c> of one resource (SPEC §4) as a
/// <see cref="FileDescriptorProto"/> and resolves it with <see cref="FileDescriptor.BuildFromByteStrings(IEnumerable{ByteString})"/>,
/// since the C# runtime has no <c>.proto</c> parser.
/// </summary>
public static class ResourceDescriptorBuilder
{
    /// <summary>
    /// Builds and resolves the file of <paramref name="resource"/>. <paramref name="reserved"/> lists the numbers and
    /// names of its removed fields (see <see cref="ReservedFields"/>); none when null.
    /// </summary>
    public static ResourceDescriptorSet Build(ResourceModel resource, ReservedFields? reserved = null)
    {
        var proto = BuildProto(resource, reserved);
        var bytes = proto.ToByteString();
        return new ResourceDescriptorSet(resource, proto, bytes, Resolve(proto.Dependency, bytes));
    }

    /// <summary>The file of <paramref name="resource"/> as a descriptor proto, unresolved.</summary>
    public static FileDescriptorProto BuildProto(ResourceModel resource, ReservedFields? reserved = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var message = ResourceMessageBuilder.Build(resource, reserved ?? ReservedFields.None, out var usesStruct);
        var file = new FileDescriptorProto
        {
            Name = ProtoNames.File(resource.Name),
            Package = ProtoNames.Package,
            Syntax = "proto3",
        };

        // Sorted like protoc users write them; struct.proto only when a Json field needs it.
        file.Dependency.Add(WellKnownFiles.Empty);
        file.Dependency.Add(WellKnownFiles.FieldMask);
        if (usesStruct)
        {
            file.Dependency.Add(WellKnownFiles.Struct);
        }

        file.Dependency.Add(WellKnownFiles.Timestamp);
        file.MessageType.Add(message);
        file.MessageType.Add(ServiceMessagesBuilder.Messages(resource));
        file.Service.Add(ServiceMessagesBuilder.Service(resource));
        return file;
    }

    /// <summary>Resolves a serialized file whose dependencies are well-known types; dependencies go first.</summary>
    internal static FileDescriptor Resolve(IEnumerable<string> dependencies, ByteString file)
    {
        var data = dependencies.Select(d => WellKnownFiles.ByName[d].SerializedData).Append(file);
        return FileDescriptor.BuildFromByteStrings(data)[^1];
    }
}
