using Engine.Grpc.Codec;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static Engine.Grpc.Tests.Codec.CodecFixture;

namespace Engine.Grpc.Tests.Codec;

public class RoundTripTests
{
    [Fact]
    public void WriteThenRead_EveryType_KeepsValues()
    {
        var bytes = Writer.WriteMessage(Utf8(FullRecordJson));
        var result = Reader.ReadCreateRequest(Wrap(1, bytes));

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        var input = result.Value!;
        var data = input.Data;
        Assert.Equal(Guid.Parse(Id), input.Id);
        Assert.Equal("café \"quoted\"", Value(data, "title"));
        Assert.Equal(-7, Value(data, "count"));
        Assert.Equal(9007199254740993L, Value(data, "big"));
        Assert.Equal(2.5, Value(data, "ratio"));
        Assert.Equal(12.50m, Value(data, "price"));
        Assert.Equal(false, Value(data, "active"));
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(10), Value(data, "seenAt"));
        Assert.Equal(new DateOnly(2024, 2, 29), Value(data, "day"));
        Assert.Equal(Canonical("""{"a": [1, "two", true, null, {"b": {}}], "c": -0.5, "d": "x"}"""), Canonical(((JsonText)Value(data, "data")!).Text));
        Assert.Equal("SENT", Value(data, "status"));
        Assert.Equal("B", Value(data, "kind"));
        var owner = Assert.Single(data.Relations);
        Assert.Same(Owner, owner.Target);
        Assert.Equal(Guid.Parse(OwnerId), Assert.IsType<ComparisonFilter>(owner.Where).Value);
        var connects = data.Nested.Cast<NestedConnect>().Select(c => ((ComparisonFilter)c.Where).Value).ToArray();
        Assert.Equal([Guid.Parse(TagId1), Guid.Parse(TagId2)], connects);
        Assert.DoesNotContain(data.Values, v => v.Field.IsSystem);
    }

    [Fact]
    public void WriteMessage_ParsedByGoogleProtobuf_MatchesWellKnownTypes()
    {
        var fields = Fields(Writer.WriteMessage(Utf8(FullRecordJson)));

        Assert.Equal(Id, fields[1].ToStringUtf8());
        Assert.Equal(Timestamp.FromDateTime(new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc).AddTicks(1_234_560)), Timestamp.Parser.ParseFrom(fields[2]));
        var beforeEpoch = Timestamp.Parser.ParseFrom(fields[3]);
        Assert.Equal((-1L, 500_000_000), (beforeEpoch.Seconds, beforeEpoch.Nanos));
        var data = Struct.Parser.ParseFrom(fields[12]);
        Assert.Equal(Canonical("""{"a": [1, "two", true, null, {"b": {}}], "c": -0.5, "d": "x"}"""), Canonical(JsonFormatter.Default.Format(data)));
        Assert.Equal("12.50", fields[8].ToStringUtf8());
        Assert.Equal("2024-02-29", fields[11].ToStringUtf8());
        Assert.Equal(OwnerId, fields[14].ToStringUtf8());
    }

    [Fact]
    public void WriteMessage_Scalars_EncodeAsGoogleProtobufReadsThem()
    {
        var input = new CodedInputStream(Writer.WriteMessage(Utf8(FullRecordJson)));
        var seen = new Dictionary<int, object>();
        var tags = new List<string>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (number)
            {
                case 5: seen[5] = input.ReadInt32(); break;
                case 6: seen[6] = input.ReadInt64(); break;
                case 7: seen[7] = input.ReadDouble(); break;
                case 9: seen[9] = input.ReadBool(); break;
                case 13 or 16: seen[number] = input.ReadEnum(); break;
                case 15: tags.Add(input.ReadString()); break;
                default: input.SkipLastField(); break;
            }
        }

        Assert.Equal(-7, seen[5]);
        Assert.Equal(9007199254740993L, seen[6]);
        Assert.Equal(2.5, seen[7]);
        Assert.Equal(false, seen[9]);
        Assert.Equal(2, seen[13]);
        Assert.Equal(2, seen[16]);
        Assert.Equal([TagId1, TagId2], tags);
    }

    [Fact]
    public void ReadCreate_StructFromGoogleProtobuf_BecomesSameJson()
    {
        const string json = """{"n": 1.5, "s": "é", "b": true, "z": null, "l": [[], {"k": [false]}]}""";
        var data = Struct.Parser.ParseJson(json);
        var message = Encode(o =>
        {
            o.WriteTag(12, WireFormat.WireType.LengthDelimited);
            o.WriteMessage(data);
            o.WriteTag(16, WireFormat.WireType.Varint);
            o.WriteEnum(1);
        });

        var result = Reader.ReadCreateRequest(Wrap(1, message));

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal(Canonical(json), Canonical(((JsonText)Value(result.Value!.Data, "data")!).Text));
    }

    [Fact]
    public void WriteMessage_NullsAndUnknownKeys_AreOmitted()
    {
        var bytes = Writer.WriteMessage(Utf8($$"""{"id": "{{Id}}", "extra": {"x": [1]}, "count": null, "title": "t", "kind": "A"}"""));

        Assert.Equal([1, 4, 16], Fields(bytes).Keys.Order());
    }

    [Fact]
    public void WriteMessage_KeysOutOfOrder_StillFound()
    {
        var bytes = Writer.WriteMessage(Utf8($$"""{"kind": "A", "title": "t", "id": "{{Id}}"}"""));

        Assert.Equal([1, 4, 16], Fields(bytes).Keys.Order());
    }

    [Fact]
    public void Compile_ReadMask_SelectsAndWritesOnlyMaskedFields()
    {
        var writer = ResourceMessageWriter.Compile(Item, Schema, [Field("title"), Field("tags"), Item.Id]);

        Assert.Equal(["id", "title", "tags"], writer.Selection.Items.Select(i => i.Key));
        var tags = Assert.IsType<ToManySelection>(writer.Selection.Items[2]);
        Assert.Equal("id", Assert.Single(tags.Selection.Items).Key);
        Assert.Equal([1, 4, 15], Fields(writer.WriteMessage(Utf8(FullRecordJson))).Keys.Order());
    }

    [Fact]
    public void Selection_ToOneIsScalarOfRelation_InverseIsAbsent()
    {
        var owner = Assert.IsType<ScalarSelection>(Writer.Selection.Items.Single(i => i.Key == "owner"));
        Assert.Same(Field("owner"), owner.Field);
        var ownerWriter = ResourceMessageWriter.Compile(Owner, Schema);
        Assert.DoesNotContain(ownerWriter.Selection.Items, i => i.Key == "items");
    }

    [Fact]
    public void WriteListResponse_RecordsTokenAndTotal_ParseAsRepeatedMessages()
    {
        var json = $"[{FullRecordJson}, {{\"id\": \"{Id}\", \"title\": \"second\"}}]";
        var bytes = Writer.WriteListResponse(Utf8(json), "next", 42);

        var input = new CodedInputStream(bytes);
        var records = new List<byte[]>();
        string? token = null;
        var total = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: records.Add(input.ReadBytes().ToByteArray()); break;
                case 2: token = input.ReadString(); break;
                case 3: total = input.ReadInt32(); break;
            }
        }

        Assert.Equal(2, records.Count);
        Assert.Equal(Writer.WriteMessage(Utf8(FullRecordJson)), records[0]);
        Assert.Equal("second", Fields(records[1])[4].ToStringUtf8());
        Assert.Equal(("next", 42), (token, total));
        Assert.Empty(Writer.WriteListResponse("[]"u8, null, 0));
    }

    /// <summary>The last value of each length-delimited field, read with Google.Protobuf.</summary>
    private static Dictionary<int, ByteString> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new Dictionary<int, ByteString>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields[number] = input.ReadBytes();
            }
            else
            {
                input.SkipLastField();
                fields[number] = ByteString.Empty;
            }
        }

        return fields;
    }
}
