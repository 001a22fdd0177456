using System.Buffers.Binary;

namespace Engine.Grpc.Codec;

/// <summary>
/// Appends protobuf wire format to a growable buffer. Nested messages reserve one length byte and move their
/// content when the length needs more, so a message is written in one pass without measuring it first.
/// </summary>
internal sealed class ProtoWriter
{
    private byte[] buffer;
    private int position;

    public ProtoWriter(int capacity = 512) => buffer = new byte[capacity];

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, position);

    public void Reset() => position = 0;

    public byte[] ToArray() => Written.ToArray();

    public void WriteTag(int number, int wireType) => WriteVarint(WireType.Tag(number, wireType));

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[position++] = (byte)value;
    }

    public void WriteFixed64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(position), value);
        position += 8;
    }

    /// <summary>A length-delimited field holding <paramref name="bytes"/> (strings are passed as UTF-8).</summary>
    public void WriteBytesField(int number, ReadOnlySpan<byte> bytes)
    {
        WriteTag(number, WireType.LengthDelimited);
        WriteVarint((ulong)bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    /// <summary>Starts a length-delimited field; pass the result to <see cref="EndLengthDelimited"/> when its content is written.</summary>
    public int BeginLengthDelimited(int number)
    {
        WriteTag(number, WireType.LengthDelimited);
        Ensure(1);
        return position++;
    }

    public void EndLengthDelimited(int lengthAt)
    {
        var length = position - lengthAt - 1;
        var size = VarintSize((uint)length);
        if (size > 1)
        {
            Ensure(size - 1);
            Buffer.BlockCopy(buffer, lengthAt + 1, buffer, lengthAt + size, length);
            position += size - 1;
        }

        var value = (uint)length;
        var at = lengthAt;
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at] = (byte)value;
    }

    private static int VarintSize(uint value) => value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;

    private void Ensure(int count)
    {
        if (buffer.Length - position < count)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, position + count));
        }
    }
}
