using Google.Protobuf;
using Engine.Runtime;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace Engine.Grpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c> over the live metadata: each request in the stream is answered from
/// the registry current when it arrives, so a client sees a resource defined after its stream opened.
/// </summary>
/// <param name="registry">Returns the current version's registry; called once per request.</param>
public sealed class ServerReflectionV1Alpha(Func<DescriptorRegistry> registry) : ServerReflection.ServerReflectionBase
{
    /// <summary>Serves the registry of the snapshot current in <paramref name="snapshots"/> at each request.</summary>
    public static ServerReflectionV1Alpha FromSnapshots(SnapshotHolder snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return new(() => snapshots.Current.Artifact<GrpcModel>().Registry);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// v1alpha's messages have the same fields and numbers as v1's, so each request is read as v1, answered by
    /// <see cref="ServerReflectionV1"/>, and the answer read back as v1alpha: one implementation of the protocol.
    /// </remarks>
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = ServerReflectionV1.Handle(registry(), request);
            await responseStream.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString())).ConfigureAwait(false);
        }
    }
}
