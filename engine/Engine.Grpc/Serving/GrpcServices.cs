namespace Engine.Grpc.Serving;

/// <summary>The serving artifact of a snapshot: each resource's compiled calls by resource name.</summary>
/// <param name="Resources">Reused by the next snapshot for every resource whose model object is unchanged.</param>
public sealed record GrpcServices(IReadOnlyDictionary<string, CompiledResource> Resources);
