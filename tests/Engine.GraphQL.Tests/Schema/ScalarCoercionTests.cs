using System.Text.Json;
using Engine.GraphQL.Schema;
using Engine.Query.Plans;
using GraphQLParser;
using GraphQLParser.AST;

namespace Engine.GraphQL.Tests.Schema;

public class ScalarCoercionTests
{
    public static TheoryData<string, string, object> ValidLiterals => new()
    {
        { "ID", "\"0190f5e2-7c1d-7000-8000-00000000000a\"", Guid.Parse("0190f5e2-7c1d-7000-8000-00000000000a") },
        { "Int", "-42", -42 },
        { "Long", "9007199254740993", 9007199254740993L },
        { "Long", "\"-9223372036854775808\"", long.MinValue },
        { "Float", "1.5e3", 1500d },
        { "Float", "2", 2d },
        { "Decimal", "\"12.50\"", 12.50m },
        { "Decimal", "0.1", 0.1m },
        { "Boolean", "true", true },
        { "String", "\"héllo\\n\"", "héllo\n" },
        { "DateTime", "\"2024-05-01T14:30:00+02:00\"", new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc) },
        { "DateTime", "\"2024-05-01T12:30:00.123Z\"", new DateTime(2024, 5, 1, 12, 30, 0, 123, DateTimeKind.Utc) },
        { "Date", "\"2024-02-29\"", new DateOnly(2024, 2, 29) },
    };

    [Theory]
    [MemberData(nameof(ValidLiterals))]
    public void TryCoerceLiteral_ValidValue_ReturnsClrValue(string scalar, string literal, object expected)
    {
        Assert.True(ScalarCoercion.TryCoerceLiteral(scalar, Literal(literal), out var value, out var error), error);
        Assert.Equal(expected, value);
        if (value is DateTime dt)
        {
            Assert.Equal(DateTimeKind.Utc, dt.Kind);
        }
    }

    [Theory]
    [InlineData("ID", "\"abc\"", "ID cannot represent a value that is not a UUID")]
    [InlineData("ID", "12", "ID cannot represent an integer: 12")]
    [InlineData("Int", "3000000000", "Int cannot represent a value that is not a 32-bit integer: 3000000000")]
    [InlineData("Int", "1.5", "Int cannot represent a non-integer number: 1.5")]
    [InlineData("Long", "\"12x\"", "Long cannot represent a value that is not a 64-bit integer: 12x")]
    [InlineData("Boolean", "\"true\"", "Boolean cannot represent a string: \"true\"")]
    [InlineData("DateTime", "\"yesterday\"", "DateTime cannot represent a value that is not an ISO 8601 date-time")]
    [InlineData("Date", "\"2024-02-30\"", "Date cannot represent a value that is not a date as YYYY-MM-DD: \"2024-02-30\"")]
    [InlineData("String", "ACTIVE", "String cannot represent an enum value: ACTIVE")]
    [InlineData("Json", "{a: $x}", "Json cannot represent a variable inside a literal")]
    public void TryCoerceLiteral_InvalidValue_ExplainsWhy(string scalar, string literal, string message)
    {
        Assert.False(ScalarCoercion.TryCoerceLiteral(scalar, Literal(literal), out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCoerceLiteral_JsonObject_BecomesJsonText()
    {
        Assert.True(ScalarCoercion.TryCoerceLiteral("Json", Literal("{a: [1, 2.5, \"x\", null, true], b: {c: RED}}"), out var value, out _));
        Assert.Equal(new JsonText("{\"a\":[1,2.5,\"x\",null,true],\"b\":{\"c\":\"RED\"}}"), value);
    }

    [Fact]
    public void TryCoerceLiteral_Null_IsNull()
    {
        Assert.True(ScalarCoercion.TryCoerceLiteral("Int", Literal("null"), out var value, out _));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("Int", "7", 7)]
    [InlineData("Int", "7.0", 7)]
    [InlineData("Long", "\"9223372036854775807\"", long.MaxValue)]
    [InlineData("Long", "12", 12L)]
    [InlineData("Float", "0.25", 0.25d)]
    [InlineData("Boolean", "false", false)]
    [InlineData("String", "\"x\"", "x")]
    public void TryCoerceJson_ValidValue_ReturnsClrValue(string scalar, string json, object expected)
    {
        Assert.True(ScalarCoercion.TryCoerceJson(scalar, Json(json), out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryCoerceJson_DecimalFromNumberAndString_IsExact()
    {
        Assert.True(ScalarCoercion.TryCoerceJson("Decimal", Json("0.1"), out var fromNumber, out _));
        Assert.True(ScalarCoercion.TryCoerceJson("Decimal", Json("\"123456789012345678.91\""), out var fromString, out _));
        Assert.Equal(0.1m, fromNumber);
        Assert.Equal(123456789012345678.91m, fromString);
    }

    [Fact]
    public void TryCoerceJson_JsonAnyValue_KeepsItsText()
    {
        Assert.True(ScalarCoercion.TryCoerceJson("Json", Json("{\"a\": [1, {\"b\": null}]}"), out var value, out _));
        Assert.Equal(new JsonText("{\"a\": [1, {\"b\": null}]}"), value);
    }

    [Fact]
    public void TryCoerceJson_DateAndDateTime_Parse()
    {
        Assert.True(ScalarCoercion.TryCoerceJson("Date", Json("\"2023-12-31\""), out var date, out _));
        Assert.True(ScalarCoercion.TryCoerceJson("DateTime", Json("\"2023-12-31T23:00:00-01:00\""), out var dateTime, out _));
        Assert.Equal(new DateOnly(2023, 12, 31), date);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), dateTime);
    }

    [Theory]
    [InlineData("Int", "2147483648", "Int cannot represent a value that is not a 32-bit integer: 2147483648")]
    [InlineData("Int", "\"1\"", "Int cannot represent a string: \"1\"")]
    [InlineData("ID", "5", "ID cannot represent a number: 5")]
    [InlineData("Long", "1e30", "Long cannot represent a value that is not a 64-bit integer: 1e30")]
    [InlineData("String", "[1]", "String cannot represent a list: [1]")]
    [InlineData("Boolean", "{}", "Boolean cannot represent an object: {}")]
    public void TryCoerceJson_InvalidValue_ExplainsWhy(string scalar, string json, string message)
    {
        Assert.False(ScalarCoercion.TryCoerceJson(scalar, Json(json), out _, out var error));
        Assert.Equal(message, error);
    }

    private static GraphQLValue Literal(string text) => Parser.Parse<GraphQLValue>(text);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
