using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Engine.Query.Plans;

namespace Engine.Grpc.Codec;

/// <summary>Converts field values read from the wire into the CLR values plans carry (Engine.Query's documented types).</summary>
internal static class WireValues
{
    /// <summary>Timestamp's valid range (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z), as google/protobuf/timestamp.proto defines it.</summary>
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public static bool TryString(ReadOnlySpan<byte> bytes, out string value)
    {
        value = string.Empty;
        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(bytes);
        return true;
    }

    /// <summary>A UUID in its canonical 36-character form (either case).</summary>
    public static bool TryUuid(ReadOnlySpan<byte> bytes, out Guid value) =>
        Utf8Parser.TryParse(bytes, out value, out var consumed, 'D') && consumed == bytes.Length;

    /// <summary>Decimal text (<c>-12.50</c>, <c>1e3</c>), as the Decimal GraphQL scalar accepts it.</summary>
    public static bool TryDecimal(ReadOnlySpan<byte> bytes, out decimal value) =>
        decimal.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(ReadOnlySpan<byte> bytes, out DateOnly value)
    {
        value = default;
        Span<char> chars = stackalloc char[10];
        return bytes.Length == 10
            && Encoding.ASCII.TryGetChars(bytes, chars, out var written) && written == 10
            && DateOnly.TryParseExact(chars, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>A <c>google.protobuf.Timestamp</c> (seconds = 1, nanos = 2) as a UTC DateTime (to 100 ns); null or what is wrong.</summary>
    public static string? TryTimestamp(ReadOnlySpan<byte> payload, out DateTime value)
    {
        value = default;
        var reader = new WireReader(payload);
        ulong seconds = 0;
        ulong nanos = 0;
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                return "is not a valid google.protobuf.Timestamp.";
            }

            var ok = number switch
            {
                1 => wireType == WireType.Varint && reader.TryReadVarint(out seconds),
                2 => wireType == WireType.Varint && reader.TryReadVarint(out nanos),
                _ => reader.TrySkip(number, wireType),
            };
            if (!ok)
            {
                return "is not a valid google.protobuf.Timestamp.";
            }
        }

        var s = (long)seconds;
        var n = (int)nanos;
        if (s is < MinSeconds or > MaxSeconds || n is < 0 or > 999_999_999)
        {
            return "is outside the range of google.protobuf.Timestamp.";
        }

        value = DateTime.UnixEpoch.AddTicks((s * TimeSpan.TicksPerSecond) + (n / 100));
        return null;
    }

    /// <summary>A <c>google.protobuf.Struct</c> as JSON text; null or what is wrong.</summary>
    public static string? TryJson(ReadOnlySpan<byte> payload, out JsonText? value)
    {
        value = null;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Min(256, payload.Length * 2 + 2));
        using var json = new Utf8JsonWriter(buffer);
        if (StructToJson.WriteStruct(payload, json, 1) is { } error)
        {
            return error;
        }

        json.Flush();
        value = new JsonText(Encoding.UTF8.GetString(buffer.WrittenSpan));
        return null;
    }
}
