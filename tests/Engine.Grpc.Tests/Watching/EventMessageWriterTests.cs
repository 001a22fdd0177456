using System.Text;
using Engine.Grpc.Tests.Codec;
using Engine.Grpc.Watching;
using Engine.Runtime.Events;

namespace Engine.Grpc.Tests.Watching;

public sealed class EventMessageWriterTests
{
    private static readonly EventMessageWriter Writer = EventMessageWriter.Compile(CodecFixture.Writer);

    private static RecordEvent Event(RecordAction action, params string[] updated) => new(
        Guid.NewGuid(), "Item", action, Guid.Parse(CodecFixture.Id), DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(CodecFixture.FullRecordJson), null, updated);

    [Theory]
    [InlineData(RecordAction.Created, 1)]
    [InlineData(RecordAction.Updated, 2)]
    [InlineData(RecordAction.Deleted, 3)]
    public void Write_Action_IsTheDescriptorsTypeNumber(RecordAction action, int expected) =>
        Assert.Equal(expected, WatchStreamsTests.Decode(Writer.Write(Event(action))).Type);

    [Fact]
    public void Write_Record_IsTheResourceMessageOfTheEventData()
    {
        var decoded = WatchStreamsTests.Decode(Writer.Write(Event(RecordAction.Created)));
        Assert.Equal(CodecFixture.Writer.WriteMessage(CodecFixture.Utf8(CodecFixture.FullRecordJson)), decoded.Record);
        Assert.Empty(decoded.UpdatedFields);
    }

    [Fact]
    public void Write_UpdatedFields_BecomeProtobufNames_InAnyOrder()
    {
        var decoded = WatchStreamsTests.Decode(Writer.Write(Event(RecordAction.Updated, "updatedAt", "seenAt", "owner", "tags", "title")));
        Assert.Equal(["update_time", "seen_at", "owner_id", "tags_ids", "title"], decoded.UpdatedFields);
    }

    [Fact]
    public void Write_UnknownUpdatedField_IsLeftOut()
    {
        var decoded = WatchStreamsTests.Decode(Writer.Write(Event(RecordAction.Updated, "count", "gone", "kind")));
        Assert.Equal(["count", "kind"], decoded.UpdatedFields);
    }
}
