using Engine.Query.Plans;
using Google.Protobuf;
using static Engine.Grpc.Tests.Codec.CodecFixture;

namespace Engine.Grpc.Tests.Codec;

public class ReaderTests
{
    private static readonly byte[] IdField = Encode(o => { o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteString(Id); });

    [Fact]
    public void ReadCreate_OptionalAbsent_NotWritten_RequiredImplicitDefaulted()
    {
        var message = Encode(o => { o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });

        var data = Reader.ReadCreateRequest(Wrap(1, message)).Value!.Data;

        Assert.Equal(["title", "kind"], data.Values.Select(v => v.Field.Name));
        Assert.Equal(string.Empty, Value(data, "title"));
        Assert.Empty(data.Relations);
    }

    [Fact]
    public void ReadCreate_OptionalPresentWithDefaultValue_IsWritten()
    {
        var message = Encode(o =>
        {
            o.WriteTag(5, WireFormat.WireType.Varint); o.WriteInt32(0);
            o.WriteTag(9, WireFormat.WireType.Varint); o.WriteBool(false);
            o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(2);
        });

        var data = Reader.ReadCreateRequest(Wrap(1, message)).Value!.Data;

        Assert.Equal(0, Value(data, "count"));
        Assert.Equal(false, Value(data, "active"));
    }

    [Fact]
    public void ReadCreate_RequiredEnumUnspecified_IsViolation()
    {
        var result = Reader.ReadCreateRequest(Wrap(1, []));

        Assert.Equal("item.kind", Assert.Single(result.Violations).Field);
    }

    [Fact]
    public void ReadCreate_MissingMessage_IsViolation()
    {
        Assert.Equal("item", Assert.Single(Reader.ReadCreateRequest([]).Violations).Field);
    }

    [Fact]
    public void ReadCreate_UnknownFieldsOfEveryWireType_AreSkipped()
    {
        var unknown = Encode(o =>
        {
            o.WriteTag(100, WireFormat.WireType.Varint); o.WriteUInt64(ulong.MaxValue);
            o.WriteTag(101, WireFormat.WireType.Fixed64); o.WriteFixed64(1);
            o.WriteTag(102, WireFormat.WireType.LengthDelimited); o.WriteString("skip me");
            o.WriteTag(103, WireFormat.WireType.Fixed32); o.WriteFixed32(1);
            o.WriteTag(104, WireFormat.WireType.StartGroup);
            o.WriteTag(1, WireFormat.WireType.Varint); o.WriteInt32(5);
            o.WriteTag(105, WireFormat.WireType.StartGroup);
            o.WriteTag(105, WireFormat.WireType.EndGroup);
            o.WriteTag(104, WireFormat.WireType.EndGroup);
            o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1);
        });

        var result = Reader.ReadCreateRequest([.. Wrap(1, unknown), .. Encode(o => { o.WriteTag(9, WireFormat.WireType.Fixed32); o.WriteFixed32(0); })]);

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal("A", Value(result.Value!.Data, "kind"));
    }

    [Fact]
    public void ReadCreate_MessageSplitInTwo_Merges()
    {
        var first = Encode(o => { o.WriteTag(4, WireFormat.WireType.LengthDelimited); o.WriteString("old"); o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); });
        var second = Encode(o => { o.WriteTag(4, WireFormat.WireType.LengthDelimited); o.WriteString("new"); });

        var data = Reader.ReadCreateRequest([.. Wrap(1, first), .. Wrap(1, second)]).Value!.Data;

        Assert.Equal("new", Value(data, "title"));
        Assert.Equal("A", Value(data, "kind"));
    }

    [Fact]
    public void ReadUpdate_NoMask_WritesPresentFieldsOnly()
    {
        var message = (byte[])[.. IdField, .. Encode(o => { o.WriteTag(5, WireFormat.WireType.Varint); o.WriteInt32(3); })];

        var input = Reader.ReadUpdateRequest(Wrap(1, message)).Value!;

        Assert.Equal(Guid.Parse(Id), input.Id);
        Assert.Equal(["count"], input.Data.Values.Select(v => v.Field.Name));
        Assert.Empty(input.Data.Nested);
    }

    [Fact]
    public void ReadUpdate_MaskedAbsentFields_AreCleared()
    {
        var request = (byte[])[.. Wrap(1, IdField), .. Wrap(2, FieldMask("count", "title", "owner_id", "tags_ids"))];

        var data = Reader.ReadUpdateRequest(request).Value!.Data;

        Assert.Null(Value(data, "count"));
        Assert.Equal(string.Empty, Value(data, "title"));
        Assert.Null(Assert.Single(data.Relations).Where);
        Assert.Empty(Assert.IsType<NestedSet>(Assert.Single(data.Nested)).Wheres);
    }

    [Fact]
    public void ReadUpdate_MaskIgnoresUnmaskedPresentFields()
    {
        var message = (byte[])[.. IdField, .. Encode(o => { o.WriteTag(5, WireFormat.WireType.Varint); o.WriteInt32(3); o.WriteTag(7, WireFormat.WireType.Fixed64); o.WriteDouble(1); })];

        var data = Reader.ReadUpdateRequest([.. Wrap(1, message), .. Wrap(2, FieldMask("ratio"))]).Value!.Data;

        Assert.Equal(["ratio"], data.Values.Select(v => v.Field.Name));
    }

    [Theory]
    [InlineData("nope", "update_mask.paths[0]")]
    [InlineData("create_time", "update_mask.paths[0]")]
    [InlineData("kind", "item.kind")]
    public void ReadUpdate_BadMask_IsViolation(string path, string field)
    {
        var result = Reader.ReadUpdateRequest([.. Wrap(1, IdField), .. Wrap(2, FieldMask(path))]);

        Assert.Equal(field, Assert.Single(result.Violations).Field);
    }

    [Fact]
    public void ReadUpdate_WildcardMask_CoversEveryWritableField()
    {
        var result = Reader.ReadUpdateRequest([.. Wrap(1, [.. IdField, .. Encode(o => { o.WriteTag(16, WireFormat.WireType.Varint); o.WriteEnum(1); o.WriteTag(11, WireFormat.WireType.LengthDelimited); o.WriteString("2024-01-01"); })]), .. Wrap(2, FieldMask("*"))]);

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal(11, result.Value!.Data.Values.Count);
    }

    [Fact]
    public void ReadUpdate_WithoutId_IsViolation()
    {
        Assert.Equal("item.id", Assert.Single(Reader.ReadUpdateRequest(Wrap(1, [])).Violations).Field);
    }

    [Fact]
    public void ReadGet_IdAndReadMask()
    {
        var request = (byte[])[.. IdField, .. Wrap(2, FieldMask("title")), .. Wrap(2, FieldMask("owner_id", "title"))];

        var input = Reader.ReadGetRequest(request).Value!;

        Assert.Equal(Guid.Parse(Id), input.Id);
        Assert.Equal([Field("title"), Field("owner")], input.ReadMask!);
        Assert.Null(Reader.ReadGetRequest([.. IdField, .. Wrap(2, FieldMask("*"))]).Value!.ReadMask);
        Assert.Equal("read_mask.paths[0]", Assert.Single(Reader.ReadGetRequest([.. IdField, .. Wrap(2, FieldMask("items"))]).Violations).Field);
    }

    [Fact]
    public void ReadList_AllFields()
    {
        var request = Encode(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint); o.WriteInt32(25);
            o.WriteTag(2, WireFormat.WireType.LengthDelimited); o.WriteString("tok");
            o.WriteTag(3, WireFormat.WireType.LengthDelimited); o.WriteString("count > 1");
            o.WriteTag(4, WireFormat.WireType.LengthDelimited); o.WriteString("title desc");
            o.WriteTag(5, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(FieldMask("id")));
        });

        var input = Reader.ReadListRequest(request).Value!;

        Assert.Equal((25, "tok", "count > 1", "title desc"), (input.PageSize, input.PageToken, input.Filter, input.OrderBy));
        Assert.Equal([Item.Id], input.ReadMask!);
        Assert.Equal("page_size", Assert.Single(Reader.ReadListRequest(Encode(o => { o.WriteTag(1, WireFormat.WireType.Varint); o.WriteInt32(-1); })).Violations).Field);
    }

    [Fact]
    public void ReadDelete_Id()
    {
        Assert.Equal(Guid.Parse(Id), Reader.ReadDeleteRequest(IdField).Value!.Id);
        Assert.Equal("id", Assert.Single(Reader.ReadDeleteRequest([]).Violations).Field);
    }
}
