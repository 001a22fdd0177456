using Engine.Grpc.Codec;
using Engine.Grpc.Watching;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Serving;

/// <summary>What the calls of one resource's service need, compiled once per <see cref="ResourceModel"/> object.</summary>
public sealed class CompiledResource
{
    /// <summary>Compiles the reader and the full-message writer of <paramref name="resource"/>.</summary>
    public CompiledResource(ResourceModel resource, SchemaModel schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Resource = resource;
        Reader = ResourceMessageReader.Compile(resource, schema);
        Writer = ResourceMessageWriter.Compile(resource, schema);
        Events = EventMessageWriter.Compile(Writer);
        IdOnly = new Selection([new ScalarSelection("id", resource.Id)]);
    }

    /// <summary>The resource served.</summary>
    public ResourceModel Resource { get; }

    /// <summary>Decodes its request messages.</summary>
    public ResourceMessageReader Reader { get; }

    /// <summary>Encodes the whole message (no read_mask).</summary>
    public ResourceMessageWriter Writer { get; }

    /// <summary>Encodes the <c>&lt;R&gt;Event</c> messages of Watch streams.</summary>
    public EventMessageWriter Events { get; }

    /// <summary>What Delete selects: the response is <c>google.protobuf.Empty</c>.</summary>
    public Selection IdOnly { get; }
}
