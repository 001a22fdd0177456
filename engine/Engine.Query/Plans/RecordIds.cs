using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Engine.Query.Plans;

/// <summary>
/// Makes record ids: UUIDv7 (RFC 9562) that increase monotonically within this process, so records created in one
/// millisecond still sort by creation when lists are ordered by <c>id</c> (the default order).
/// <see cref="Guid.CreateVersion7()"/> fills the bits after the timestamp at random, which does not.
/// </summary>
public static class RecordIds
{
    // The unix milliseconds shifted left by 12, plus a 12-bit counter (RFC 9562 §6.2, method 1).
    private static long state;

    /// <summary>A new id, greater than every id this process made before.</summary>
    public static Guid NewId()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 12;
        long next;
        long seen;
        do
        {
            seen = Volatile.Read(ref state);
            // A counter that runs over 12 bits borrows the next millisecond, which keeps the order.
            next = Math.Max(seen + 1, now);
        }
        while (Interlocked.CompareExchange(ref state, next, seen) != seen);

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        var millis = next >> 12;
        var counter = (int)(next & 0xFFF);
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(millis >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(bytes[4..], (ushort)(millis & 0xFFFF));
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(0x7000 | counter));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
