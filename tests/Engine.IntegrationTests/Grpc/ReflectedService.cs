using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace Engine.IntegrationTests.Grpc;

/// <summary>A service discovered through <c>grpc.reflection.v1</c>, called with messages encoded from its descriptors.</summary>
internal sealed class ReflectedService
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);
    private readonly CallInvoker invoker;

    private ReflectedService(CallInvoker invoker, ServiceDescriptor service)
    {
        this.invoker = invoker;
        Service = service;
    }

    public ServiceDescriptor Service { get; }

    /// <summary>Every service the server lists now.</summary>
    public static async Task<IReadOnlyList<string>> ListServicesAsync(GrpcChannel channel)
    {
        var response = await AskAsync(channel, new ServerReflectionRequest { ListServices = "" });
        return response.ListServicesResponse.Service.Select(s => s.Name).ToArray();
    }

    /// <summary>Fetches the file declaring <paramref name="serviceName"/> and its imports, and builds their descriptors.</summary>
    public static async Task<ReflectedService> LoadAsync(GrpcChannel channel, string serviceName)
    {
        var response = await AskAsync(channel, new ServerReflectionRequest { FileContainingSymbol = serviceName });
        Assert.True(response.MessageResponseCase == ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.ToString());
        var protos = response.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b)).ToList();
        // BuildFromByteStrings wants every import before the files importing it.
        var ordered = new List<FileDescriptorProto>();
        while (protos.Count > 0)
        {
            var ready = protos.First(p => p.Dependency.All(d => ordered.Any(o => o.Name == d)));
            ordered.Add(ready);
            protos.Remove(ready);
        }

        var files = FileDescriptor.BuildFromByteStrings(ordered.Select(p => p.ToByteString()));
        var service = files.SelectMany(f => f.Services).Single(s => s.FullName == serviceName);
        return new ReflectedService(channel.CreateCallInvoker(), service);
    }

    public MethodDescriptor Method(string name) => Service.FindMethodByName(name) ?? throw new ArgumentException($"no method {name}");

    /// <summary>Calls a unary method with a request built from <paramref name="request"/> and decodes the response.</summary>
    public async Task<Dictionary<string, object?>> CallAsync(string method, IReadOnlyDictionary<string, object?> request)
    {
        var descriptor = Method(method);
        var bytes = await CallRawAsync(method, DescriptorCodec.Encode(descriptor.InputType, request));
        return DescriptorCodec.Decode(descriptor.OutputType, bytes);
    }

    /// <summary>Calls a unary method with raw request bytes.</summary>
    public async Task<byte[]> CallRawAsync(string method, byte[] request)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, Service.FullName, method, Bytes, Bytes);
        return await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
    }

    private static async Task<ServerReflectionResponse> AskAsync(GrpcChannel channel, ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
