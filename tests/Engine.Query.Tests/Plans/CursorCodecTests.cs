using System.Buffers.Text;
using System.Text;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Query.Tests.Plans;

public class CursorCodecTests
{
    private const string Id = "0190a1b2-0000-7000-8000-000000000001";

    private static readonly ResourceModel Item = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Item",
            Fields =
            [
                new FieldDefinition { Name = "count", Type = FieldTypes.Int },
                new FieldDefinition { Name = "big", Type = FieldTypes.Long },
                new FieldDefinition { Name = "ratio", Type = FieldTypes.Float },
                new FieldDefinition { Name = "amount", Type = FieldTypes.Decimal },
                new FieldDefinition { Name = "flag", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "at", Type = FieldTypes.DateTime },
                new FieldDefinition { Name = "day", Type = FieldTypes.Date },
                new FieldDefinition { Name = "data", Type = FieldTypes.Json },
                new FieldDefinition { Name = "name", Type = FieldTypes.String },
            ],
        },
    ]).Resource("Item")!;

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static List<OrderBy> Keys(string field, bool descending = false) => SortKeys.Of(Item, [new OrderBy(Item.Field(field)!, descending)]);

    [Theory]
    [InlineData("count", "42", 42)]
    [InlineData("big", "\"9007199254740993\"", 9007199254740993L)]
    [InlineData("ratio", "\"0.1\"", 0.1)]
    [InlineData("ratio", "\"-Infinity\"", double.NegativeInfinity)]
    [InlineData("amount", "\"-12345678901234567890123456789.000000001\"", "-12345678901234567890123456789.000000001")]
    [InlineData("flag", "false", false)]
    [InlineData("name", "\"%_\\\\ é\"", "%_\\ é")]
    [InlineData("count", "null", null)]
    public void TryDecode_ValueOfEachKind_ReadsTheClrValue(string field, string json, object? expected)
    {
        var keys = Keys(field);
        var text = Encode($"[1, \"{field}_ASC,id_ASC\", {json}, \"{Id}\"]");

        Assert.True(CursorCodec.TryDecode(text, keys, out var cursor, out var error), error);

        Assert.Equal(expected, cursor!.Values[0]);
        Assert.Equal(Guid.Parse(Id), cursor.Values[1]);
    }

    [Fact]
    public void TryDecode_DateTimeDateAndJson_ReadTheirTextForms()
    {
        var keys = SortKeys.Of(Item, [new OrderBy(Item.Field("at")!, true), new OrderBy(Item.Field("day")!, false), new OrderBy(Item.Field("data")!, false)]);
        var text = Encode($"[1, \"at_DESC,day_ASC,data_ASC,id_ASC\", \"2024-05-01T12:30:15.123456Z\", \"2024-02-29\", \"{{\\\"a\\\": null}}\", \"{Id}\"]");

        Assert.True(CursorCodec.TryDecode(text, keys, out var cursor, out var error), error);

        var at = Assert.IsType<DateTime>(cursor!.Values[0]);
        Assert.Equal(DateTimeKind.Utc, at.Kind);
        Assert.Equal(new DateTime(2024, 5, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234560), at);
        Assert.Equal(new DateOnly(2024, 2, 29), cursor.Values[1]);
        Assert.Equal(new JsonText("{\"a\": null}"), cursor.Values[2]);
    }

    [Fact]
    public void TryDecode_CursorOfAnotherOrder_NamesBothOrders()
    {
        var text = Encode($"[1, \"count_DESC,id_ASC\", 1, \"{Id}\"]");

        Assert.False(CursorCodec.TryDecode(text, Keys("count"), out _, out var error));

        Assert.Contains("count_DESC,id_ASC", error, StringComparison.Ordinal);
        Assert.Contains("count_ASC,id_ASC", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("")]
    [InlineData("bm90IGpzb24")]
    public void TryDecode_NotACursor_IsRejected(string text)
    {
        Assert.False(CursorCodec.TryDecode(text, Keys("count"), out var cursor, out var error));

        Assert.Null(cursor);
        Assert.Contains("not a cursor", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"[2, \"id_ASC\", \"{Id}\"]")]
    [InlineData($"{{\"id\": \"{Id}\"}}")]
    [InlineData("[1]")]
    public void TryDecode_WrongVersionOrShape_IsRejected(string json) =>
        Assert.False(CursorCodec.TryDecode(Encode(json), SortKeys.Of(Item, []), out _, out _));

    [Theory]
    [InlineData("count", "\"42\"")]
    [InlineData("count", "4.5")]
    [InlineData("big", "42")]
    [InlineData("amount", "\"1e5\"")]
    [InlineData("amount", "\"12.\"")]
    [InlineData("at", "\"2024-05-01\"")]
    [InlineData("data", "\"{\"")]
    public void TryDecode_ValueOfTheWrongForm_NamesTheField(string field, string json)
    {
        var text = Encode($"[1, \"{field}_ASC,id_ASC\", {json}, \"{Id}\"]");

        Assert.False(CursorCodec.TryDecode(text, Keys(field), out _, out var error));

        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_NullId_IsRejected() =>
        Assert.False(CursorCodec.TryDecode(Encode("[1, \"id_ASC\", null]"), SortKeys.Of(Item, []), out _, out _));

    [Fact]
    public void OrderToken_RequestedKeysThenId_JoinsOrderByValues() =>
        Assert.Equal("count_DESC,id_ASC", CursorCodec.OrderToken(Keys("count", descending: true)));

    [Fact]
    public void SortKeys_IdRequested_IsNotRepeated() =>
        Assert.Single(SortKeys.Of(Item, [new OrderBy(Item.Id, true)]));
}
