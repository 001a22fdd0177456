using System.Globalization;
using System.Text;
using Engine.Grpc.Serving;
using Engine.Grpc.Tests.Codec;
using Engine.Grpc.Watching;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Runtime;
using Engine.Runtime.Events;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Grpc.Tests.Watching;

/// <summary><see cref="WatchStreams"/> over an in-memory feed: filtering, event messages, and how a stream ends.</summary>
public sealed class WatchStreamsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly SnapshotHolder snapshots = new();
    private readonly InMemoryRecordEventFeed feed = new(capacity: 4);
    private readonly WatchCall call = new();

    public WatchStreamsTests() => snapshots.TrySwap(Snapshot(CodecFixture.Schema));

    public void Dispose() => call.Dispose();

    [Fact]
    public async Task WatchAsync_MatchingEvents_AreWrittenAsEventMessages()
    {
        var watch = StartAsync("count > 1");
        await call.HeadersSent.WaitAsync(Patience);

        feed.Publish(Event(RecordAction.Created, Record(count: 1)));
        feed.Publish(Event(RecordAction.Created, Record(count: 5)));
        feed.Publish(Event(RecordAction.Updated, Record(count: 7), "count", "updatedAt"));
        feed.Publish(Event(RecordAction.Deleted, Record(count: 7)));
        feed.Publish(new RecordEvent(Guid.NewGuid(), "Owner", RecordAction.Created, Guid.NewGuid(), DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes("""{"name": "x"}"""), null, []));

        var created = Decode(await call.Responses.NextAsync());
        var updated = Decode(await call.Responses.NextAsync());
        var deleted = Decode(await call.Responses.NextAsync());
        Assert.Equal(1, created.Type);
        Assert.Equal(CodecFixture.Writer.WriteMessage(Encoding.UTF8.GetBytes(Record(count: 5))), created.Record);
        Assert.Empty(created.UpdatedFields);
        Assert.Equal(2, updated.Type);
        Assert.Equal(["count", "update_time"], updated.UpdatedFields);
        Assert.Equal(3, deleted.Type);
        Assert.Equal(CodecFixture.Writer.WriteMessage(Encoding.UTF8.GetBytes(Record(count: 7))), deleted.Record);

        call.Cancel();
        await watch.WaitAsync(Patience);
        Assert.True(call.Responses.IsEmpty);
        Assert.Equal(0, feed.Count);
    }

    [Fact]
    public async Task WatchAsync_EmptyFilter_WritesEveryEventOfTheResource()
    {
        var watch = StartAsync(null);
        await call.HeadersSent.WaitAsync(Patience);
        feed.Publish(Event(RecordAction.Created, Record(count: null)));
        Assert.Equal(1, Decode(await call.Responses.NextAsync()).Type);
        call.Cancel();
        await watch.WaitAsync(Patience);
    }

    [Theory]
    [InlineData("count >")]
    [InlineData("nope = 1")]
    [InlineData("count = \"x\"")]
    public async Task WatchAsync_BadFilter_IsInvalidArgumentWithAFilterViolation(string filter)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => StartAsync(filter));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "filter");
        Assert.Equal(0, feed.Count);
    }

    [Fact]
    public async Task WatchAsync_PathThroughARelation_IsInvalidArgumentSuggestingTheForeignKey()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => StartAsync("owner.name = \"x\""));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("filter", violation.Field);
        Assert.Contains("owner_id", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_MalformedRequest_IsInvalidArgument()
    {
        var watches = new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance, feed);
        var error = await Assert.ThrowsAsync<RpcException>(() => watches.WatchAsync("Item", [0x08, 0x01], call.Responses, call, RequestContext.System));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task WatchAsync_SlowClient_EndsWithResourceExhausted_WithoutBlockingThePublisher()
    {
        using var slow = new WatchCall(slowClient: true);
        var watches = new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance, feed);
        var watch = watches.WatchAsync("Item", Request(null), slow.Responses, slow, RequestContext.System);
        await slow.HeadersSent.WaitAsync(Patience);

        // Publishing returns at once although nobody reads: the feed never waits for a subscriber.
        for (var i = 0; i < 20; i++)
        {
            feed.Publish(Event(RecordAction.Created, Record(count: i)));
        }

        // Once the client reads again it gets what was buffered, then the status.
        slow.Responses.Proceed.SetResult();
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.WaitAsync(Patience));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, feed.Count);
        var delivered = 0;
        while (!slow.Responses.IsEmpty)
        {
            Assert.Equal(delivered, CountOf(await slow.Responses.NextAsync()));
            delivered++;
        }

        Assert.InRange(delivered, 1, 5);
    }

    [Fact]
    public async Task WatchAsync_ResourceRemoved_EndsWithNotFound()
    {
        var watches = new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance, feed) { RemovalCheckInterval = TimeSpan.FromMilliseconds(20) };
        var watch = watches.WatchAsync("Item", Request(null), call.Responses, call, RequestContext.System);
        await call.HeadersSent.WaitAsync(Patience);

        var tag = CodecFixture.Schema.Resource("Tag")!;
        snapshots.TrySwap(Snapshot(new SchemaModel(2, CodecFixture.Schema.DataSchema, [tag])));

        var error = await Assert.ThrowsAsync<RpcException>(() => watch.WaitAsync(Patience));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("Item", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_FeedEndsTheSubscription_EndsWithAborted()
    {
        var watch = StartAsync(null);
        await call.HeadersSent.WaitAsync(Patience);
        feed.FailAll(new InvalidOperationException("the feed lost its connection"));

        var error = await Assert.ThrowsAsync<RpcException>(() => watch.WaitAsync(Patience));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains("lost its connection", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_WithoutAFeed_IsUnavailable()
    {
        var watches = new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance);
        var error = await Assert.ThrowsAsync<RpcException>(() => watches.WatchAsync("Item", Request(null), call.Responses, call, RequestContext.System));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task WatchAsync_ClientCancelsWhileAWriteWaits_EndsQuietlyAndUnsubscribes()
    {
        using var slow = new WatchCall(slowClient: true);
        var watches = new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance, feed);
        var watch = watches.WatchAsync("Item", Request(null), slow.Responses, slow, RequestContext.System);
        await slow.HeadersSent.WaitAsync(Patience);
        feed.Publish(Event(RecordAction.Created, Record(count: 1)));

        slow.Cancel();

        await watch.WaitAsync(Patience);
        Assert.Equal(0, feed.Count);
    }

    private static int? CountOf(byte[] message)
    {
        var data = CodecFixture.Reader.ReadCreateRequest(CodecFixture.Wrap(1, WatchStreamsTests.Decode(message).Record)).Value!.Data;
        return (int?)CodecFixture.Value(data, "count");
    }

    private Task StartAsync(string? filter) =>
        new WatchStreams(snapshots, NullLogger<WatchStreams>.Instance, feed).WatchAsync("Item", Request(filter), call.Responses, call, RequestContext.System);

    private static EngineSnapshot Snapshot(SchemaModel schema) => new(schema, new Dictionary<Type, object>
    {
        [typeof(GrpcServices)] = new GrpcServices(schema.Resources.ToDictionary(r => r.Name, r => new CompiledResource(r, schema))),
    });

    private static byte[] Request(string? filter) => filter is null ? [] : CodecFixture.Encode(o =>
    {
        o.WriteTag(1, WireFormat.WireType.LengthDelimited);
        o.WriteString(filter);
    });

    private static string Record(int? count) =>
        $$"""{"id": "{{CodecFixture.Id}}", "createdAt": "2024-05-01T12:30:00.123456Z", "updatedAt": "2024-05-01T12:30:00.123456Z", "title": "t", "count": {{count?.ToString(CultureInfo.InvariantCulture) ?? "null"}}, "owner": null, "kind": "A"}""";

    private static RecordEvent Event(RecordAction action, string json, params string[] updated) =>
        new(Guid.NewGuid(), "Item", action, Guid.Parse(CodecFixture.Id), DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(json), null, updated);

    internal static (int Type, byte[] Record, List<string> UpdatedFields) Decode(byte[] message)
    {
        var input = new CodedInputStream(message);
        var (type, record, updated) = (0, Array.Empty<byte>(), new List<string>());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    type = input.ReadEnum();
                    break;
                case 2:
                    record = input.ReadBytes().ToByteArray();
                    break;
                case 3:
                    updated.Add(input.ReadString());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (type, record, updated);
    }
}
