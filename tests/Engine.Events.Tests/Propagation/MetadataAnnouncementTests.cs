using System.Text;
using Engine.Events.Propagation;

namespace Engine.Events.Tests.Propagation;

public sealed class MetadataAnnouncementTests
{
    [Fact]
    public void Encode_Version_IsTheSpecMessage()
    {
        Assert.Equal("""{"version":42}""", Encoding.UTF8.GetString(MetadataAnnouncement.Encode(42)));
    }

    [Theory]
    [InlineData("""{"version":42}""", 42)]
    [InlineData("""{ "version": 9007199254740993 }""", 9007199254740993)]
    [InlineData("""{"source":"pod-a","nested":{"version":1},"version":7}""", 7)]
    public void TryDecode_VersionMessage_ReturnsTheVersion(string message, long expected)
    {
        Assert.True(MetadataAnnouncement.TryDecode(Encoding.UTF8.GetBytes(message), out var version));
        Assert.Equal(expected, version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[42]")]
    [InlineData("{}")]
    [InlineData("""{"version":"42"}""")]
    [InlineData("""{"version":4.5}""")]
    [InlineData("""{"version":0}""")]
    [InlineData("""{"version":-3}""")]
    [InlineData("""{"nested":{"version":1}}""")]
    [InlineData("""{"version":""")]
    public void TryDecode_NotAVersionMessage_ReturnsFalse(string message)
    {
        Assert.False(MetadataAnnouncement.TryDecode(Encoding.UTF8.GetBytes(message), out _));
    }
}
