using Engine.Grpc.Codec;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static Engine.Grpc.Tests.Codec.CodecFixture;

namespace Engine.Grpc.Tests.Codec;

public class BadInputTests
{
    private static readonly byte[] ValidCreate = Wrap(1, Writer.WriteMessage(Utf8(FullRecordJson)));

    [Fact]
    public void ReadCreate_TruncatedAtEveryPosition_ReturnsViolationsNeverThrows()
    {
        Assert.True(Reader.ReadCreateRequest(ValidCreate).IsValid);
        for (var length = 1; length < ValidCreate.Length; length++)
        {
            var result = Reader.ReadCreateRequest(ValidCreate.AsSpan(0, length));
            Assert.False(result.IsValid, $"prefix of {length} bytes");
        }
    }

    [Fact]
    public void EveryReader_RandomBytes_ReturnsDeterministicResultNeverThrows()
    {
        var random = new Random(4);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 0)
            {
                // Mutate a valid message too, so deeper paths are reached.
                bytes = (byte[])ValidCreate.Clone();
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            Assert.Equal(Describe(bytes), Describe(bytes));
        }
    }

    [Theory]
    [InlineData(4, WireFormat.WireType.Varint, "item.title")]
    [InlineData(5, WireFormat.WireType.LengthDelimited, "item.count")]
    [InlineData(7, WireFormat.WireType.Fixed32, "item.ratio")]
    [InlineData(10, WireFormat.WireType.Varint, "item.seen_at")]
    public void ReadCreate_WrongWireType_IsViolationOfThatField(int number, WireFormat.WireType wireType, string field)
    {
        var message = Encode(o =>
        {
            o.WriteTag(number, wireType);
            switch (wireType)
            {
                case WireFormat.WireType.Varint: o.WriteInt32(1); break;
                case WireFormat.WireType.Fixed32: o.WriteFixed32(1); break;
                default: o.WriteString("x"); break;
            }

            o.WriteTag(16, WireFormat.WireType.Varint);
            o.WriteEnum(1);
        });

        Assert.Contains(Reader.ReadCreateRequest(Wrap(1, message)).Violations, v => v.Field == field);
    }

    [Fact]
    public void ReadCreate_OversizedLength_IsViolationWithoutAllocation()
    {
        var bytes = Encode(o => { o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteUInt32(int.MaxValue); });

        Assert.Equal("item", Assert.Single(Reader.ReadCreateRequest(bytes).Violations).Field);
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })] // 11-byte varint
    [InlineData(new byte[] { 0x00, 0x01 })] // field number 0
    [InlineData(new byte[] { 0x0F })] // wire type 7
    [InlineData(new byte[] { 0x0C })] // end group without start
    [InlineData(new byte[] { 0x0B, 0x14 })] // group ended by another number
    public void ReadDelete_MalformedStructure_IsViolation(byte[] bytes)
    {
        Assert.False(Reader.ReadDeleteRequest(bytes).IsValid);
    }

    [Theory]
    [InlineData(4, new byte[] { 0xC3, 0x28 }, "item.title")] // invalid UTF-8
    [InlineData(8, new byte[] { (byte)'1', (byte)'x' }, "item.price")]
    [InlineData(11, new byte[] { (byte)'2', (byte)'0', (byte)'2', (byte)'4', (byte)'-', (byte)'0', (byte)'2', (byte)'-', (byte)'3', (byte)'0' }, "item.day")]
    [InlineData(14, new byte[] { (byte)'n', (byte)'o' }, "item.owner_id")]
    [InlineData(1, new byte[] { (byte)'n', (byte)'o' }, "item.id")]
    public void ReadCreate_BadValue_IsViolationOfThatField(int number, byte[] value, string field)
    {
        var message = Encode(o => { o.WriteTag(number, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(value)); o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });

        Assert.Equal(field, Assert.Single(Reader.ReadCreateRequest(Wrap(1, message)).Violations).Field);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void ReadCreate_EnumOutOfRange_IsViolation(int number)
    {
        var message = Encode(o => { o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(number); });

        Assert.Equal("item.kind", Assert.Single(Reader.ReadCreateRequest(Wrap(1, message)).Violations).Field);
    }

    [Fact]
    public void ReadCreate_TimestampOutOfRange_IsViolation()
    {
        var message = Encode(o => { o.WriteTag(10, WireFormat.WireType.LengthDelimited); o.WriteMessage(new Timestamp { Seconds = long.MaxValue }); o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });

        Assert.Equal("item.seen_at", Assert.Single(Reader.ReadCreateRequest(Wrap(1, message)).Violations).Field);
    }

    [Theory]
    [InlineData(StructToJson.MaxDepth - 1, true)]
    [InlineData(StructToJson.MaxDepth + 1, false)]
    [InlineData(5000, false)]
    public void ReadCreate_DeepStruct_BoundedByMaxDepth(int depth, bool valid)
    {
        // Google.Protobuf refuses to write past its own recursion limit, so nest the bytes by hand.
        var bytes = Array.Empty<byte>();
        for (var i = 0; i < depth; i++)
        {
            var value = Encode(o => { o.WriteTag(5, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(bytes)); });
            var entry = Encode(o => { o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteString("k"); o.WriteTag(2, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(value)); });
            bytes = Wrap(1, entry);
        }

        var message = Encode(o => { o.WriteTag(12, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(bytes)); o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });

        var result = Reader.ReadCreateRequest(Wrap(1, message));

        Assert.Equal(valid, result.IsValid);    }

    [Fact]
    public void ReadCreate_StructWithNaN_IsViolation()
    {
        var data = new Struct();
        data.Fields["n"] = Google.Protobuf.WellKnownTypes.Value.ForNumber(double.NaN);
        var message = Encode(o => { o.WriteTag(12, WireFormat.WireType.LengthDelimited); o.WriteMessage(data); o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });

        Assert.Equal("item.data", Assert.Single(Reader.ReadCreateRequest(Wrap(1, message)).Violations).Field);
    }

    private static string Describe(byte[] bytes) => string.Join(
        "|",
        Summary(Reader.ReadCreateRequest(bytes)),
        Summary(Reader.ReadUpdateRequest(bytes)),
        Summary(Reader.ReadGetRequest(bytes)),
        Summary(Reader.ReadListRequest(bytes)),
        Summary(Reader.ReadDeleteRequest(bytes)));

    private static string Summary<T>(CodecResult<T> result)
        where T : class =>
        result.IsValid ? "ok:" + result.Value : string.Join(",", result.Violations);
}
