using System.Text;
using Engine.GraphQL.Http;
using Xunit;

namespace Engine.GraphQL.Tests.Http;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Write_MoreThanTheInitialCapacity_KeepsEveryByteInOrder()
    {
        using var writer = new PooledBufferWriter(16);
        var expected = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            var chunk = Encoding.UTF8.GetBytes($"{i},");
            chunk.CopyTo(writer.GetSpan(chunk.Length));
            writer.Advance(chunk.Length);
            expected.Append(i).Append(',');
        }

        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(writer.WrittenMemory.Span));
        Assert.Equal(expected.Length, writer.WrittenCount);
    }

    [Fact]
    public void GetMemory_SizeHint_ReturnsAtLeastThatMuch()
    {
        using var writer = new PooledBufferWriter(8);
        writer.Advance(writer.GetSpan(5).Length >= 5 ? 5 : 0);

        Assert.True(writer.GetMemory(5000).Length >= 5000);
        Assert.Equal(5, writer.WrittenCount);
    }

    [Fact]
    public void Advance_PastTheBuffer_Throws()
    {
        using var writer = new PooledBufferWriter(8);
        var available = writer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(available + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndEmptiesTheWriter()
    {
        var writer = new PooledBufferWriter(8);
        writer.GetSpan(3)[..3].Fill((byte)'x');
        writer.Advance(3);

        writer.Dispose();
        writer.Dispose();

        Assert.Equal(0, writer.WrittenCount);
        Assert.True(writer.WrittenMemory.IsEmpty);
    }
}
