namespace Engine.Grpc.Reflection;

/// <summary>The gRPC artifact of a snapshot: each resource's descriptors and the reflection registry over all of them.</summary>
/// <param name="Resources">Each resource's part by resource name, in model order; reused by the next snapshot while unchanged.</param>
/// <param name="Registry">Every file of this version (resources, their well-known imports, extra served files) for reflection.</param>
public sealed record GrpcModel(IReadOnlyDictionary<string, GrpcResource> Resources, DescriptorRegistry Registry);
