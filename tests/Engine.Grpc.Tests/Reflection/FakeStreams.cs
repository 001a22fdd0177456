using Grpc.Core;

namespace Engine.Grpc.Tests.Reflection;

/// <summary>A request stream over a fixed list, optionally running an action before each request is read.</summary>
internal sealed class ListReader<T>(IReadOnlyList<T> items, Action<int>? beforeEach = null) : IAsyncStreamReader<T>
{
    private int index = -1;

    public T Current => items[index];

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        index++;
        if (index < items.Count)
        {
            beforeEach?.Invoke(index);
        }

        return Task.FromResult(index < items.Count);
    }
}

/// <summary>Collects what a server writes.</summary>
internal sealed class ListWriter<T> : IServerStreamWriter<T>
{
    public List<T> Written { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message)
    {
        Written.Add(message);
        return Task.CompletedTask;
    }
}

/// <summary>The least a server method reads from its context: a cancellation token.</summary>
internal sealed class FakeCallContext : ServerCallContext
{
    protected override string MethodCore => "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override global::Grpc.Core.Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => CancellationToken.None;
    protected override global::Grpc.Core.Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(global::Grpc.Core.Metadata responseHeaders) => Task.CompletedTask;
}
