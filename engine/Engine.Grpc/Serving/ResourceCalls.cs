using System.Diagnostics;
using Engine.Grpc.Codec;
using Engine.Grpc.Diagnostics;
using Engine.Grpc.Listing;
using Engine.Grpc.Watching;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Execution;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Runtime;
using Engine.Runtime.Context;
using Engine.Runtime.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Engine.Grpc.Serving;

/// <summary>
/// The calls of every resource's service (SPEC §4), on the one data path: the codec decodes the request, it becomes
/// the same plans GraphQL builds, the shared <see cref="IPlanExecutor"/> runs them, and the codec encodes the JSON
/// PostgreSQL built. Each call reads the snapshot once, at its start.
/// </summary>
public sealed partial class ResourceCalls(
    SnapshotHolder snapshots,
    IPlanExecutor executor,
    IRequestContextProvider contexts,
    PageSizeRules pageSizes,
    WatchStreams watches,
    ILogger<ResourceCalls> logger)
{
    private const string Key = "grpc";

    /// <summary><c>Get&lt;R&gt;</c>: the record, or NOT_FOUND.</summary>
    public Task<byte[]> GetAsync(string resource, byte[] request, ServerCallContext context) => CallAsync(resource, "Get", request, context, GetCoreAsync);

    /// <summary><c>List&lt;Rs&gt;</c>: one page, <c>next_page_token</c> when there are more rows, and <c>total_size</c>.</summary>
    public Task<byte[]> ListAsync(string resource, byte[] request, ServerCallContext context) => CallAsync(resource, "List", request, context, ListCoreAsync);

    /// <summary><c>Create&lt;R&gt;</c>: inserts the record (the client's id, or a new one) and returns it.</summary>
    public Task<byte[]> CreateAsync(string resource, byte[] request, ServerCallContext context) => CallAsync(resource, "Create", request, context, CreateCoreAsync);

    /// <summary><c>Update&lt;R&gt;</c>: writes the fields the update_mask names (or those present) and returns the record.</summary>
    public Task<byte[]> UpdateAsync(string resource, byte[] request, ServerCallContext context) => CallAsync(resource, "Update", request, context, UpdateCoreAsync);

    /// <summary><c>Delete&lt;R&gt;</c>: deletes the record; answers <c>google.protobuf.Empty</c> (no bytes).</summary>
    public Task<byte[]> DeleteAsync(string resource, byte[] request, ServerCallContext context) => CallAsync(resource, "Delete", request, context, DeleteCoreAsync);

    /// <summary><c>Watch&lt;Rs&gt;</c>: streams the resource's record events that match the filter (see <see cref="WatchStreams"/>).</summary>
    public async Task WatchAsync(string resource, byte[] request, IServerStreamWriter<byte[]> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        GrpcTelemetry.Started(context, resource);
        using var open = RequestMetrics.SubscriptionOpened(GrpcTelemetry.Protocol);
        await watches.WatchAsync(resource, request, responses, context, Caller(context)).ConfigureAwait(false);
    }

    /// <summary>
    /// The frame of every unary call: the snapshot current when it starts (used to its end), the resource's compiled
    /// service, and unexpected failures turned into INTERNAL (status exceptions and cancellation pass through).
    /// </summary>
    private async Task<byte[]> CallAsync(
        string resource,
        string operation,
        byte[] request,
        ServerCallContext context,
        Func<byte[], EngineSnapshot, CompiledResource, ServerCallContext, Task<byte[]>> call)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        GrpcTelemetry.Started(context, resource);
        StatusCode? failure = null;
        try
        {
            var snapshot = snapshots.Current;
            try
            {
                return await call(request, snapshot, Find(snapshot, resource), context).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.Error.Code == ErrorCode.StaleMetadata)
            {
                // A metadata change removed a column or table while the call ran; its statement failed, so nothing was
                // written: run it once more on the newer snapshot (field numbers are stable, the request still decodes).
                var newer = await snapshots.NewerThanAsync(snapshot.Version, context.CancellationToken).ConfigureAwait(false);
                if (newer is null)
                {
                    throw;
                }

                return await call(request, newer, Find(newer, resource), context).ConfigureAwait(false);
            }
        }
        catch (RpcException e)
        {
            failure = e.StatusCode;
            throw;
        }
        catch (OperationCanceledException)
        {
            failure = StatusCode.Cancelled;
            throw;
        }
        catch (Exception e)
        {
            var unexpected = Unexpected(e, context);
            failure = unexpected.StatusCode;
            throw unexpected;
        }
        finally
        {
            GrpcTelemetry.Finished(resource, operation, started, failure);
        }
    }

    private async Task<byte[]> GetCoreAsync(byte[] request, EngineSnapshot snapshot, CompiledResource compiled, ServerCallContext context)
    {
        var input = Valid(compiled.Reader.ReadGetRequest(request));
        var writer = WriterFor(compiled, snapshot.Model, input.ReadMask);
        var plan = new FindUniquePlan(Key, compiled.Resource, ById(compiled.Resource, input.Id), writer.Selection);
        var json = await QueryAsync(snapshot.Model, plan, context).ConfigureAwait(false);
        return json is null ? throw NotFound(compiled.Resource, input.Id) : writer.WriteMessage(json.Value.Span);
    }

    private async Task<byte[]> ListCoreAsync(byte[] request, EngineSnapshot snapshot, CompiledResource compiled, ServerCallContext context)
    {
        var input = Valid(compiled.Reader.ReadListRequest(request));
        var (list, errors) = ListRequestPlanner.Plan(
            input.PageSize, input.PageToken, input.Filter, input.OrderBy, compiled.Resource, snapshot.Model, pageSizes);
        if (list is null)
        {
            throw GrpcErrors.InvalidArgument(errors);
        }

        var writer = WriterFor(compiled, snapshot.Model, input.ReadMask);
        var plan = new ConnectionPlan(Key, compiled.Resource, list.Arguments, ListPage.Selection(writer.Selection));
        var json = await QueryAsync(snapshot.Model, plan, context).ConfigureAwait(false);
        return ListPage.Write(json!.Value, writer, list);
    }

    private async Task<byte[]> CreateCoreAsync(byte[] request, EngineSnapshot snapshot, CompiledResource compiled, ServerCallContext context)
    {
        var input = Valid(compiled.Reader.ReadCreateRequest(request));
        Check(compiled.Resource, input.Data);
        var plan = new CreatePlan(Key, compiled.Resource, input.Id ?? RecordIds.NewId(), input.Data, compiled.Writer.Selection);
        var json = await MutateAsync(snapshot.Model, plan, context).ConfigureAwait(false);
        return compiled.Writer.WriteMessage(json!.Value.Span);
    }

    private async Task<byte[]> UpdateCoreAsync(byte[] request, EngineSnapshot snapshot, CompiledResource compiled, ServerCallContext context)
    {
        var input = Valid(compiled.Reader.ReadUpdateRequest(request));
        Check(compiled.Resource, input.Data);
        var plan = new UpdatePlan(Key, compiled.Resource, ById(compiled.Resource, input.Id), input.Data, compiled.Writer.Selection);
        var json = await MutateAsync(snapshot.Model, plan, context).ConfigureAwait(false);
        return json is null ? throw NotFound(compiled.Resource, input.Id) : compiled.Writer.WriteMessage(json.Value.Span);
    }

    private async Task<byte[]> DeleteCoreAsync(byte[] request, EngineSnapshot snapshot, CompiledResource compiled, ServerCallContext context)
    {
        var input = Valid(compiled.Reader.ReadDeleteRequest(request));
        var plan = new DeletePlan(Key, compiled.Resource, ById(compiled.Resource, input.Id), compiled.IdOnly);
        var json = await MutateAsync(snapshot.Model, plan, context).ConfigureAwait(false);
        return json is null ? throw NotFound(compiled.Resource, input.Id) : [];
    }

    private static CompiledResource Find(EngineSnapshot snapshot, string resource) =>
        snapshot.Artifact<GrpcServices>().Resources.TryGetValue(resource, out var compiled)
            ? compiled
            // Routing published the service a moment before or after this snapshot: answer as for any unknown service.
            : throw new RpcException(new Status(StatusCode.Unimplemented, $"service {ProtoNames.Service(resource)} is not served"));

    private static T Valid<T>(CodecResult<T> result)
        where T : class => result.Value ?? throw GrpcErrors.InvalidArgument(result.Violations);

    private static ResourceMessageWriter WriterFor(CompiledResource compiled, SchemaModel model, IReadOnlyList<FieldModel>? readMask) =>
        readMask is null ? compiled.Writer : ResourceMessageWriter.Compile(compiled.Resource, model, readMask);

    private static ComparisonFilter ById(ResourceModel resource, Guid id) => new(resource.Id, ComparisonOperator.Equal, id);

    private static RpcException NotFound(ResourceModel resource, Guid id) =>
        new(new Status(StatusCode.NotFound, $"{resource.Name} {id} does not exist"));

    private async Task<ReadOnlyMemory<byte>?> QueryAsync(SchemaModel model, RootPlan plan, ServerCallContext context)
    {
        var results = await executor.QueryAsync(model, [plan], Caller(context), context.CancellationToken).ConfigureAwait(false);
        return Value(results[0]);
    }

    private async Task<ReadOnlyMemory<byte>?> MutateAsync(SchemaModel model, RootPlan plan, ServerCallContext context) =>
        Value(await executor.MutateAsync(model, plan, Caller(context), context.CancellationToken).ConfigureAwait(false));

    private RequestContext Caller(ServerCallContext context) => contexts.GetContext(context.GetHttpContext());

    private ReadOnlyMemory<byte>? Value(PlanResult result)
    {
        if (result.Error is { } error)
        {
            if (error.Code == ErrorCode.Internal)
            {
                LogInternal(error.Message);
            }

            // The call frame runs a stale call again; GrpcErrors.From answers it as UNAVAILABLE when it cannot.
            throw error.Code == ErrorCode.StaleMetadata ? new EngineException(error) : GrpcErrors.From(error);
        }

        // Spelled out: "cond ? json : null" would turn null into an empty ReadOnlyMemory through its array conversion.
        if (result.Json is { } json && !json.Span.SequenceEqual("null"u8))
        {
            return json;
        }

        return null;
    }

    /// <summary>Refuses values that break their field's rules, before any SQL runs.</summary>
    private static void Check(ResourceModel resource, WriteData data)
    {
        var violations = WriteRules.Check(resource, data);
        if (violations.Count > 0)
        {
            throw GrpcErrors.InvalidArgument(violations);
        }
    }

    private RpcException Unexpected(Exception exception, ServerCallContext context)
    {
        if (exception is EngineException engine)
        {
            return GrpcErrors.From(engine.Error);
        }

        LogUnexpected(exception, context.Method);
        return new RpcException(new Status(StatusCode.Internal, GrpcErrors.InternalMessage));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC call failed inside the engine: {Detail}")]
    private partial void LogInternal(string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "gRPC call {Method} failed unexpectedly")]
    private partial void LogUnexpected(Exception exception, string method);
}
