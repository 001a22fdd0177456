using System.Threading.Channels;
using Grpc.Core;

namespace Engine.Grpc.Tests.Watching;

/// <summary>
/// One Watch call's server side for unit tests: a context whose cancellation the test controls and that signals when
/// response headers are sent, and a response stream the test reads (or holds up, to play a slow client).
/// </summary>
internal sealed class WatchCall(bool slowClient = false) : ServerCallContext, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly TaskCompletionSource headers = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the server writes.</summary>
    public ResponseStream Responses { get; } = new(blocked: slowClient);

    /// <summary>Completes when the server has sent the response headers (it has subscribed by then).</summary>
    public Task HeadersSent => headers.Task;

    /// <summary>The client goes away.</summary>
    public void Cancel() => cancellation.Cancel();

    public void Dispose() => cancellation.Dispose();

    protected override string MethodCore => "/engine.data.v1.ItemService/WatchItems";
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override global::Grpc.Core.Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => cancellation.Token;
    protected override global::Grpc.Core.Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(global::Grpc.Core.Metadata responseHeaders)
    {
        headers.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>The response stream: collects messages; while <see cref="Proceed"/> is incomplete every write waits (a client that does not read).</summary>
    internal sealed class ResponseStream : IServerStreamWriter<byte[]>
    {
        private readonly Channel<byte[]> written = Channel.CreateUnbounded<byte[]>();

        public TaskCompletionSource Proceed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WriteOptions? WriteOptions { get; set; }

        public ResponseStream(bool blocked)
        {
            if (!blocked)
            {
                Proceed.SetResult();
            }
        }

        /// <summary>The next message the server wrote, waiting up to five seconds.</summary>
        public async Task<byte[]> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await written.Reader.ReadAsync(timeout.Token);
        }

        /// <summary>True when no message is waiting to be read.</summary>
        public bool IsEmpty => !written.Reader.TryPeek(out _);

        public Task WriteAsync(byte[] message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(byte[] message, CancellationToken cancellationToken)
        {
            await Proceed.Task.WaitAsync(cancellationToken);
            written.Writer.TryWrite(message);
        }
    }
}
