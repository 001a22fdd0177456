using Engine.Runtime;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace Engine.Grpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1.ServerReflection</c> over the live metadata: each request in the stream is answered from
/// the registry current when it arrives, so a client sees a resource defined after its stream opened.
/// </summary>
/// <param name="registry">Returns the current version's registry; called once per request.</param>
public sealed class ServerReflectionV1(Func<DescriptorRegistry> registry) : ServerReflection.ServerReflectionBase
{
    /// <summary>Serves the registry of the snapshot current in <paramref name="snapshots"/> at each request.</summary>
    public static ServerReflectionV1 FromSnapshots(SnapshotHolder snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return new(() => snapshots.Current.Artifact<GrpcModel>().Registry);
    }

    /// <inheritdoc/>
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(Handle(registry(), requestStream.Current)).ConfigureAwait(false);
        }
    }

    /// <summary>The answer to one request of the stream (v1alpha shares it: the two protocols' messages are wire-identical).</summary>
    internal static ServerReflectionResponse Handle(DescriptorRegistry registry, ServerReflectionRequest request) =>
        Respond(request, Answer(registry, request));

    private static ReflectionAnswer Answer(DescriptorRegistry registry, ServerReflectionRequest request) => request.MessageRequestCase switch
    {
        ServerReflectionRequest.MessageRequestOneofCase.ListServices => ReflectionResolver.ListServices(registry),
        ServerReflectionRequest.MessageRequestOneofCase.FileByFilename => ReflectionResolver.FileByFilename(registry, request.FileByFilename),
        ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol => ReflectionResolver.FileContainingSymbol(registry, request.FileContainingSymbol),
        ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension =>
            ReflectionResolver.FileContainingExtension(request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
        ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => ReflectionResolver.AllExtensionNumbersOfType(registry, request.AllExtensionNumbersOfType),
        _ => ReflectionResolver.Empty(),
    };

    private static ServerReflectionResponse Respond(ServerReflectionRequest request, ReflectionAnswer answer)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (answer)
        {
            case ReflectionAnswer.Files files:
                response.FileDescriptorResponse = new FileDescriptorResponse { FileDescriptorProto = { files.Descriptors } };
                break;
            case ReflectionAnswer.Services services:
                response.ListServicesResponse = new ListServiceResponse { Service = { services.Names.Select(n => new ServiceResponse { Name = n }) } };
                break;
            case ReflectionAnswer.ExtensionNumbers numbers:
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = numbers.BaseType, ExtensionNumber = { numbers.Numbers } };
                break;
            case ReflectionAnswer.Error error:
                response.ErrorResponse = new ErrorResponse { ErrorCode = (int)error.Code, ErrorMessage = error.Message };
                break;
        }

        return response;
    }
}
