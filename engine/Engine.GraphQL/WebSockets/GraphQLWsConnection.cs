using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Engine.GraphQL.Diagnostics;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Http;
using Engine.GraphQL.Subscriptions;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Runtime;
using Engine.Runtime.Diagnostics;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. The reader only parses messages and starts operations; each operation runs on
/// its own task, and every outgoing message goes through one bounded queue drained by a single writer (a WebSocket
/// allows one send at a time). A client that stops reading fills the queue, which backs up into its own subscriptions'
/// feed buffers, and the feed drops those subscriptions: writers elsewhere never wait for it.
/// </summary>
internal sealed class GraphQLWsConnection : IOperationSink, IDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MetadataCheckInterval = TimeSpan.FromSeconds(1);

    private readonly WebSocket socket;
    private readonly GraphQLExecutor executor;
    private readonly SubscriptionExecutor subscriptions;
    private readonly SnapshotHolder snapshots;
    private readonly Func<string, Task<RequestContext?>> authenticate;
    private RequestContext context;
    private readonly GraphQLOptions options;
    private readonly ILogger logger;
    private readonly Channel<Outgoing> outgoing = Channel.CreateBounded<Outgoing>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, Operation> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closed;
    private int initReceived;
    private int closing;

    public GraphQLWsConnection(WebSocket socket, GraphQLExecutor executor, SubscriptionExecutor subscriptions, SnapshotHolder snapshots,
        RequestContext context, GraphQLOptions options, ILogger logger, CancellationToken aborted, Func<string, Task<RequestContext?>> authenticate)
    {
        this.authenticate = authenticate;
        this.socket = socket;
        this.executor = executor;
        this.subscriptions = subscriptions;
        this.snapshots = snapshots;
        this.context = context;
        this.options = options;
        this.logger = logger;
        closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    }

    /// <summary>Serves the connection until either side closes it.</summary>
    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var watcher = WatchMetadataAsync();
        var initTimeout = CloseUnlessInitializedAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ChannelClosedException)
        {
            SubscriptionLog.ConnectionEnded(logger, e);
        }
        finally
        {
            await ShutdownAsync(writer, watcher, initTimeout).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        outgoing.Writer.WriteAsync(new Outgoing(message, null, null), cancellationToken);

    /// <summary>Closes the connection with 1001 (the server is shutting down); its subscriptions end with it.</summary>
    public void GoAway() => _ = CloseQuietlyAsync(CloseCodes.GoingAway, "The server is shutting down");

    /// <inheritdoc/>
    public void Dispose() => closed.Dispose();

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > options.MaxRequestBytes)
                {
                    await CloseAsync(CloseCodes.MessageTooBig, $"Message larger than the limit of {options.MaxRequestBytes} bytes").ConfigureAwait(false);
                    return;
                }
            }
            while (!result.EndOfMessage);

            if (Volatile.Read(ref closing) == 1)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received: binary frames are not supported").ConfigureAwait(false);
                continue;
            }

            await HandleAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
    }

    private async ValueTask HandleAsync(ReadOnlyMemory<byte> frame)
    {
        if (ClientMessage.Parse(frame, out var error) is not { } message)
        {
            await CloseAsync(CloseCodes.BadRequest, error!).ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case ClientMessage.ConnectionInit:
                if (Interlocked.Exchange(ref initReceived, 1) == 1)
                {
                    await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
                    return;
                }

                // A token in the payload replaces the upgrade request's caller; operations start only after this message.
                if (message.Token is { } token)
                {
                    if (await authenticate(token).ConfigureAwait(false) is not { } caller)
                    {
                        await CloseAsync(CloseCodes.Forbidden, "Forbidden: the access token is invalid, expired, or not meant for this engine")
                            .ConfigureAwait(false);
                        return;
                    }

                    context = caller;
                }

                await SendAsync(ServerMessages.ConnectionAck, closed.Token).ConfigureAwait(false);
                return;
            case ClientMessage.Ping:
                await SendAsync(ServerMessages.Pong, closed.Token).ConfigureAwait(false);
                return;
            case ClientMessage.Subscribe:
                await SubscribeAsync(message.Id!, message.Request!).ConfigureAwait(false);
                return;
            case ClientMessage.Complete:
                if (operations.TryGetValue(message.Id!, out var operation))
                {
                    operation.Stop();
                }

                return;
        }
    }

    private async ValueTask SubscribeAsync(string id, GraphQLRequest request)
    {
        if (Volatile.Read(ref initReceived) == 0)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        var operation = new Operation(closed.Token);
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists").ConfigureAwait(false);
            return;
        }

        operation.Task = Task.Run(() => RunOperationAsync(id, request, operation));
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, Operation operation)
    {
        try
        {
            if (snapshots.TryCurrent is not { } snapshot)
            {
                await SendAsync(ServerMessages.Error(id, [Error(ErrorCode.Unavailable, "The metadata is not loaded yet.")]), closed.Token)
                    .ConfigureAwait(false);
                return;
            }

            var prepared = subscriptions.Prepare(request, snapshot, context);
            if (prepared.Kind is OperationType.Query or OperationType.Mutation)
            {
                await ExecuteOnceAsync(id, request, snapshot, operation).ConfigureAwait(false);
                return;
            }

            if (prepared.Plan is not { } plan)
            {
                await SendAsync(ServerMessages.Error(id, prepared.Errors), closed.Token).ConfigureAwait(false);
                return;
            }

            if (subscriptions.Feed is not { } feed)
            {
                await SendAsync(ServerMessages.Error(id, [Error(ErrorCode.Unavailable, "Subscriptions are not available: this server has no event feed.")]),
                    closed.Token).ConfigureAwait(false);
                return;
            }

            var active = subscriptions.Start(id, request, plan, snapshot, context, feed, this, closed.Token);
            if (operation.Attach(active))
            {
                using var open = RequestMetrics.SubscriptionOpened(GraphQLTelemetry.Protocol);
                await active.RunAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // After the client completed the operation or the connection closed, nobody is listening any more.
            if (!closed.IsCancellationRequested && !operation.IsStopped)
            {
                SubscriptionLog.OperationFailed(logger, id, e);
                await TrySendAsync(ServerMessages.Error(id, [Error(ErrorCode.Internal, "An internal error occurred; the server log has the details.")]))
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            operation.Dispose();
        }
    }

    /// <summary>A query or mutation sent with <c>subscribe</c> runs once: <c>next</c> then <c>complete</c>, or <c>error</c>.</summary>
    private async Task ExecuteOnceAsync(string id, GraphQLRequest request, EngineSnapshot snapshot, Operation operation)
    {
        var result = await executor.ExecuteAsync(request, snapshot, context, allowMutations: true, operation.Token).ConfigureAwait(false);
        if (operation.IsStopped)
        {
            return;
        }

        if (!result.HasData)
        {
            await SendAsync(ServerMessages.Error(id, result.Errors), closed.Token).ConfigureAwait(false);
            return;
        }

        await SendAsync(ServerMessages.Next(id, result), closed.Token).ConfigureAwait(false);
        await SendAsync(ServerMessages.Complete(id), closed.Token).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var item in outgoing.Reader.ReadAllAsync(closed.Token).ConfigureAwait(false))
        {
            if (item.CloseCode is { } code)
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, item.CloseReason, closed.Token).ConfigureAwait(false);
                }

                return;
            }

            await socket.SendAsync(item.Message, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Tells running subscriptions about new metadata versions, so one whose resource was removed ends even without events.</summary>
    private async Task WatchMetadataAsync()
    {
        using var timer = new PeriodicTimer(MetadataCheckInterval);
        var seen = snapshots.TryCurrent?.Version ?? 0;
        while (await timer.WaitForNextTickAsync(closed.Token).ConfigureAwait(false))
        {
            if (snapshots.TryCurrent is { } current && current.Version != seen)
            {
                seen = current.Version;
                foreach (var operation in operations.Values)
                {
                    operation.MetadataChanged(current);
                }
            }
        }
    }

    private async Task CloseUnlessInitializedAsync()
    {
        await Task.Delay(options.ConnectionInitTimeoutMilliseconds, closed.Token).ConfigureAwait(false);
        if (Volatile.Read(ref initReceived) == 0)
        {
            await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task CloseQuietlyAsync(int code, string reason)
    {
        try
        {
            await CloseAsync(code, reason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
        {
            // The connection ended on its own meanwhile.
        }
    }

    /// <summary>Closes the socket from the server's side: the close frame is the last message; the reader waits for the client's reply.</summary>
    private async ValueTask CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        SubscriptionLog.ConnectionClosed(logger, code, reason);
        await outgoing.Writer.WriteAsync(new Outgoing(default, code, CloseReason(reason)), closed.Token).ConfigureAwait(false);
        outgoing.Writer.TryComplete();
        closed.CancelAfter(CloseGrace);
    }

    private async Task ShutdownAsync(Task writer, Task watcher, Task initTimeout)
    {
        if (socket.State == WebSocketState.CloseReceived && Interlocked.Exchange(ref closing, 1) == 0)
        {
            outgoing.Writer.TryWrite(new Outgoing(default, CloseCodes.Normal, ""));
        }

        foreach (var operation in operations.Values)
        {
            operation.Stop();
        }

        outgoing.Writer.TryComplete();
        await Quietly(writer.WaitAsync(CloseGrace)).ConfigureAwait(false);
        await closed.CancelAsync().ConfigureAwait(false);
        await Quietly(watcher).ConfigureAwait(false);
        await Quietly(initTimeout).ConfigureAwait(false);
        foreach (var operation in operations.Values)
        {
            if (operation.Task is { } task)
            {
                await Quietly(task).ConfigureAwait(false);
            }
        }
    }

    private async Task TrySendAsync(ReadOnlyMemory<byte> message)
    {
        try
        {
            await SendAsync(message, closed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // The connection is closing; the client will not see this error.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or WebSocketException or ChannelClosedException or IOException
            or ObjectDisposedException)
        {
            // Shutting down: the socket or the client is already gone.
        }
    }

    private static GraphQLError Error(ErrorCode code, string message) => new(message, ErrorCodes.Name(code));

    /// <summary>A close reason fits in 123 UTF-8 bytes (RFC 6455 §5.5).</summary>
    private static string CloseReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, 120);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > 120)
        {
            length--;
        }

        return reason[..length] + "...";
    }

    /// <summary>A message to send, or (with <see cref="CloseCode"/>) the close frame that ends the connection.</summary>
    private readonly record struct Outgoing(ReadOnlyMemory<byte> Message, int? CloseCode, string? CloseReason);

    /// <summary>An operation started by <c>subscribe</c>, until it ends or the client completes it.</summary>
    private sealed class Operation(CancellationToken connectionClosed) : IDisposable
    {
        private readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);
        private readonly Lock gate = new();
        private bool stopped;
        private bool disposed;
        private ActiveSubscription? subscription;

        public Task? Task { get; set; }

        public CancellationToken Token => stop.Token;

        public bool IsStopped
        {
            get
            {
                lock (gate)
                {
                    return stopped;
                }
            }
        }

        /// <summary>Takes ownership of the running subscription; false when the client completed the operation first.</summary>
        public bool Attach(ActiveSubscription running)
        {
            lock (gate)
            {
                subscription = running;
                return !stopped;
            }
        }

        /// <summary>Passes a new metadata version to the running subscription, if any.</summary>
        public void MetadataChanged(EngineSnapshot current)
        {
            lock (gate)
            {
                if (!disposed)
                {
                    subscription?.MetadataChanged(current);
                }
            }
        }

        public void Stop()
        {
            lock (gate)
            {
                stopped = true;
                if (!disposed)
                {
                    subscription?.Stop();
                    stop.Cancel();
                }
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
                subscription?.Dispose();
                subscription = null;
                stop.Dispose();
            }
        }
    }
}
