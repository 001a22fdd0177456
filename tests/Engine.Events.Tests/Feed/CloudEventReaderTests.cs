using System.Text;
using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Events.Feed;
using Engine.Events.Publishing;
using Engine.Runtime.Events;

namespace Engine.Events.Tests.Feed;

public sealed class CloudEventReaderTests
{
    [Fact]
    public void TryRead_WrittenUpdateEvent_ReturnsTheSameEvent()
    {
        var original = new RecordEvent(
            Guid.NewGuid(), "InvoiceLine", RecordAction.Updated, Guid.NewGuid(), new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero).AddTicks(10),
            """{"id":"a","title":"new \"quoted\" ✓"}"""u8.ToArray(), """{"id":"a","title":"old"}"""u8.ToArray(), ["title", "views"]);
        var message = CloudEventFormat.Write(original, new ResourceEventNames("InvoiceLine"), "/engine");

        Assert.True(CloudEventReader.TryRead(message, out var read, out var error), error);

        Assert.Equal(original.Id, read!.Id);
        Assert.Equal("InvoiceLine", read.Resource);
        Assert.Equal(RecordAction.Updated, read.Action);
        Assert.Equal(original.RecordId, read.RecordId);
        Assert.Equal(original.Time, read.Time);
        Assert.Equal(Encoding.UTF8.GetString(original.Data.Span), Encoding.UTF8.GetString(read.Data.Span));
        Assert.Equal(Encoding.UTF8.GetString(original.PreviousValues!.Value.Span), Encoding.UTF8.GetString(read.PreviousValues!.Value.Span));
        Assert.Equal(["title", "views"], read.UpdatedFields);
    }

    [Fact]
    public void Write_CreatedEvent_HasTheCloudEventsAttributesInOrder()
    {
        var id = Guid.NewGuid();
        var recordId = Guid.NewGuid();
        var recordEvent = new RecordEvent(id, "InvoiceLine", RecordAction.Created, recordId, new DateTimeOffset(2024, 5, 1, 14, 30, 0, TimeSpan.FromHours(2)),
            """{"id":"x"}"""u8.ToArray(), null, []);

        using var message = JsonDocument.Parse(CloudEventFormat.Write(recordEvent, new ResourceEventNames("InvoiceLine"), "/engine"));

        Assert.Equal(
            ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "resource", "data"],
            message.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.0", message.RootElement.GetProperty("specversion").GetString());
        Assert.Equal(id.ToString(), message.RootElement.GetProperty("id").GetString());
        Assert.Equal("engine.invoice_line.created", message.RootElement.GetProperty("type").GetString());
        Assert.Equal(recordId.ToString(), message.RootElement.GetProperty("subject").GetString());
        Assert.Equal("2024-05-01T12:30:00.000000Z", message.RootElement.GetProperty("time").GetString());
        Assert.Equal("application/json", message.RootElement.GetProperty("datacontenttype").GetString());
        Assert.Equal("x", message.RootElement.GetProperty("data").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"specversion":"1.0","id":"nope"}""")]
    [InlineData("""{"specversion":"1.0","id":"0b8f3c1e-7a5d-4c1b-9a0e-1f2d3c4b5a69","type":"engine.post.exploded","resource":"Post"}""")]
    public void TryRead_Malformed_ReturnsFalseWithAReason(string message)
    {
        Assert.False(CloudEventReader.TryRead(Encoding.UTF8.GetBytes(message), out var read, out var error));

        Assert.Null(read);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
