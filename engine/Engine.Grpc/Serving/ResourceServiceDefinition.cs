using Engine.Metadata.Naming;
using Grpc.Core;

namespace Engine.Grpc.Serving;

/// <summary>
/// Builds <c>&lt;Resource&gt;Service</c> (SPEC §4) as a <see cref="ServerServiceDefinition"/> of byte methods. The
/// handlers carry only the resource's name: each call finds the resource's compiled part in the snapshot current
/// when it starts, so a definition outlives changes to the resource's fields.
/// </summary>
public static class ResourceServiceDefinition
{
    /// <summary>The service of resource <paramref name="resource"/> (plural <paramref name="plural"/>), served by <paramref name="calls"/>.</summary>
    public static ServerServiceDefinition Build(string resource, string plural, ResourceCalls calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var service = ProtoNames.FullName(ProtoNames.Service(resource));
        return ServerServiceDefinition.CreateBuilder()
            .AddMethod(Unary(service, ProtoNames.GetMethod(resource)), (request, context) => calls.GetAsync(resource, request, context))
            .AddMethod(Unary(service, ProtoNames.ListMethod(plural)), (request, context) => calls.ListAsync(resource, request, context))
            .AddMethod(Unary(service, ProtoNames.CreateMethod(resource)), (request, context) => calls.CreateAsync(resource, request, context))
            .AddMethod(Unary(service, ProtoNames.UpdateMethod(resource)), (request, context) => calls.UpdateAsync(resource, request, context))
            .AddMethod(Unary(service, ProtoNames.DeleteMethod(resource)), (request, context) => calls.DeleteAsync(resource, request, context))
            .AddMethod(
                new Method<byte[], byte[]>(MethodType.ServerStreaming, service, ProtoNames.WatchMethod(plural), PassThroughMarshaller.Instance, PassThroughMarshaller.Instance),
                (request, responses, context) => calls.WatchAsync(resource, request, responses, context))
            .Build();
    }

    private static Method<byte[], byte[]> Unary(string service, string name) =>
        new(MethodType.Unary, service, name, PassThroughMarshaller.Instance, PassThroughMarshaller.Instance);
}
