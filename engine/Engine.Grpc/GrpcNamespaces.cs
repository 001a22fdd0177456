namespace Engine.Grpc;

/// <summary>The protobuf package of every resource's service and messages (SPEC §4).</summary>
public static class GrpcNamespaces
{
    /// <summary><c>engine.data.v1</c>.</summary>
    public const string Package = "engine.data.v1";
}
