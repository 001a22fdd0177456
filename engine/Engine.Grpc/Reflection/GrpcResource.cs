using Engine.Grpc.Descriptors;

namespace Engine.Grpc.Reflection;

/// <summary>One resource's compiled gRPC part: its descriptors and the file reflection serves for it.</summary>
/// <param name="Descriptors">The resource's file, message, service and methods.</param>
/// <param name="File">The same file as reflection indexes it.</param>
public sealed record GrpcResource(ResourceDescriptorSet Descriptors, RegisteredFile File);
