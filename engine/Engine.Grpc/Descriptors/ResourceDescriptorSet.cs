using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Descriptors;

/// <summary>
/// Everything the gRPC layer needs about one resource's file <c>engine/data/v1/&lt;resource&gt;.proto</c>: the
/// descriptor proto, its serialized bytes (what reflection serves), the resolved descriptors and the methods.
/// Immutable; built once per <see cref="ResourceModel"/> object and reused while that object is.
/// </summary>
public sealed class ResourceDescriptorSet
{
    internal ResourceDescriptorSet(ResourceModel resource, FileDescriptorProto proto, ByteString bytes, FileDescriptor file)
    {
        Resource = resource;
        Proto = proto;
        Bytes = bytes;
        File = file;
        Message = file.MessageTypes[0];
        Service = file.Services[0];
        var methods = Service.Methods;
        (Get, List, Create, Update, Delete, Watch) = (methods[0], methods[1], methods[2], methods[3], methods[4], methods[5]);
        Fields = resource.Fields
            .Where(f => ProtoNames.Field(f) is not null)
            .Select(f => new ResourceField(f, Message.FindFieldByNumber(f.Number)))
            .ToArray();
    }

    /// <summary>The resource the file was built from.</summary>
    public ResourceModel Resource { get; }

    /// <summary>The file as a descriptor proto; treat as read-only.</summary>
    public FileDescriptorProto Proto { get; }

    /// <summary>The serialized <see cref="Proto"/>.</summary>
    public ByteString Bytes { get; }

    /// <summary>The resolved file (its well-known-type dependencies resolved too).</summary>
    public FileDescriptor File { get; }

    /// <summary>The file's name, <c>engine/data/v1/&lt;resource_snake&gt;.proto</c>.</summary>
    public string FileName => File.Name;

    /// <summary>The resource's message.</summary>
    public MessageDescriptor Message { get; }

    /// <summary>The resource's fields that appear in the message, in message order, with their descriptors.</summary>
    public IReadOnlyList<ResourceField> Fields { get; }

    /// <summary><c>&lt;Resource&gt;Service</c>.</summary>
    public ServiceDescriptor Service { get; }

    /// <summary><c>Get&lt;Resource&gt;</c>.</summary>
    public MethodDescriptor Get { get; }

    /// <summary><c>List&lt;Plural&gt;</c>.</summary>
    public MethodDescriptor List { get; }

    /// <summary><c>Create&lt;Resource&gt;</c>.</summary>
    public MethodDescriptor Create { get; }

    /// <summary><c>Update&lt;Resource&gt;</c>.</summary>
    public MethodDescriptor Update { get; }

    /// <summary><c>Delete&lt;Resource&gt;</c>.</summary>
    public MethodDescriptor Delete { get; }

    /// <summary><c>Watch&lt;Plural&gt;</c> (server streaming).</summary>
    public MethodDescriptor Watch { get; }
}
