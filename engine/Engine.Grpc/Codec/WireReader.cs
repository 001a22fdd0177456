using System.Buffers.Binary;

namespace Engine.Grpc.Codec;

/// <summary>
/// Reads protobuf wire format from a span without throwing: every method returns false on malformed input (a
/// truncated varint, a length past the end, a bad tag), so hostile bytes cost at most one pass and no allocation.
/// </summary>
internal ref struct WireReader
{
    /// <summary>Groups nested deeper than this are rejected rather than risking the stack.</summary>
    public const int MaxGroupDepth = 64;

    private readonly ReadOnlySpan<byte> data;
    private int position;

    public WireReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        position = 0;
    }

    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => position;

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        // An eleventh byte would be needed: no valid varint is that long.
        return false;
    }

    /// <summary>Reads a tag; false for a truncated one, field number 0 or beyond 2^29 - 1, or wire types 6 and 7.</summary>
    public bool TryReadTag(out int number, out int wireType)
    {
        number = 0;
        wireType = 0;
        if (!TryReadVarint(out var tag) || tag > uint.MaxValue)
        {
            return false;
        }

        number = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return number > 0 && wireType <= WireType.Fixed32;
    }

    public bool TryReadFixed64(out ulong value)
    {
        value = 0;
        if (data.Length - position < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64LittleEndian(data[position..]);
        position += 8;
        return true;
    }

    /// <summary>Reads a length prefix and the bytes it covers; false when the length runs past the end.</summary>
    public bool TryReadLengthDelimited(out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (!TryReadVarint(out var length) || length > (ulong)(data.Length - position))
        {
            return false;
        }

        payload = data.Slice(position, (int)length);
        position += (int)length;
        return true;
    }

    /// <summary>Skips the value of a field of an unknown number (groups up to their matching end).</summary>
    public bool TrySkip(int number, int wireType) => TrySkip(number, wireType, 0);

    private bool TrySkip(int number, int wireType, int depth)
    {
        switch (wireType)
        {
            case WireType.Varint:
                return TryReadVarint(out _);
            case WireType.Fixed64:
                return TryAdvance(8);
            case WireType.LengthDelimited:
                return TryReadLengthDelimited(out _);
            case WireType.Fixed32:
                return TryAdvance(4);
            case WireType.StartGroup:
                if (depth >= MaxGroupDepth)
                {
                    return false;
                }

                while (TryReadTag(out var inner, out var innerType))
                {
                    if (innerType == WireType.EndGroup)
                    {
                        return inner == number;
                    }

                    if (!TrySkip(inner, innerType, depth + 1))
                    {
                        return false;
                    }
                }

                return false;
            default:
                // An end-group tag without its start.
                return false;
        }
    }

    private bool TryAdvance(int count)
    {
        if (data.Length - position < count)
        {
            return false;
        }

        position += count;
        return true;
    }
}
