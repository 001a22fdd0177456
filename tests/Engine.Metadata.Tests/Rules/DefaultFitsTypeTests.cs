using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class DefaultFitsTypeTests
{
    [Theory]
    [InlineData(FieldTypes.Int, "5")]
    [InlineData(FieldTypes.Int, "-2147483648")]
    [InlineData(FieldTypes.Long, "9007199254740993")]
    [InlineData(FieldTypes.Long, "\"9223372036854775807\"")]
    [InlineData(FieldTypes.Float, "1.5e10")]
    [InlineData(FieldTypes.Decimal, "12.5")]
    [InlineData(FieldTypes.Decimal, "\"-12.50\"")]
    [InlineData(FieldTypes.Boolean, "false")]
    [InlineData(FieldTypes.String, "\"hello\"")]
    [InlineData(FieldTypes.Date, "\"2024-02-29\"")]
    [InlineData(FieldTypes.DateTime, "\"2024-05-31T12:00:00Z\"")]
    [InlineData(FieldTypes.DateTime, "\"2024-05-31T12:00:00.123456+02:00\"")]
    [InlineData(FieldTypes.Json, "{\"a\": [1, null]}")]
    [InlineData(FieldTypes.Json, "3")]
    public void Check_DefaultOfTheType_Accepts(string type, string json) =>
        Check.Valid(Check.Resource(Resource("Thing", Field("value", type) with { Default = JsonValue(json) })));

    [Theory]
    [InlineData(FieldTypes.Int, "5.5", "whole JSON number")]
    [InlineData(FieldTypes.Int, "3000000000", "2147483647")]
    [InlineData(FieldTypes.Int, "\"5\"", "not an Int")]
    [InlineData(FieldTypes.Long, "1.5", "not a Long")]
    [InlineData(FieldTypes.Long, "\"lots\"", "not a Long")]
    [InlineData(FieldTypes.Float, "\"1.5\"", "finite JSON number")]
    [InlineData(FieldTypes.Decimal, "\"abc\"", "numeric string")]
    [InlineData(FieldTypes.Decimal, "true", "not a Decimal")]
    [InlineData(FieldTypes.Boolean, "\"true\"", "true or false")]
    [InlineData(FieldTypes.String, "5", "JSON string")]
    [InlineData(FieldTypes.Date, "\"2023-02-29\"", "YYYY-MM-DD")]
    [InlineData(FieldTypes.Date, "\"2024-5-1\"", "YYYY-MM-DD")]
    [InlineData(FieldTypes.DateTime, "\"2024-05-31\"", "ISO 8601")]
    [InlineData(FieldTypes.DateTime, "\"2024-05-31T12:00:00\"", "time zone")]
    [InlineData(FieldTypes.String, "null", "omit 'default'")]
    public void Check_DefaultOfAnotherKind_RejectsAtDefault(string type, string json, string mention) =>
        Check.OneError(Check.Resource(Resource("Thing", Field("value", type) with { Default = JsonValue(json) })), "fields[0].default", "'value'", mention);

    [Fact]
    public void Check_EnumDefaultAmongValues_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Enum("status", "DRAFT", "SENT") with { Default = JsonValue("\"SENT\"") })));

    [Fact]
    public void Check_EnumDefaultNotAValue_RejectsListingValues() =>
        Check.OneError(Check.Resource(Resource("Invoice", Enum("status", "DRAFT", "SENT") with { Default = JsonValue("\"PAID\"") })),
            "fields[0].default", "\"PAID\"", "DRAFT, SENT");

    [Fact]
    public void Check_DefaultOnRelation_RejectsAtDefault() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", "Customer") with { Default = JsonValue("\"x\"") }), Resource("Customer")),
            "fields[0].default", "relations cannot have a default");

    [Fact]
    public void Check_StringDefaultLongerThanMaxLength_RejectsAtDefault() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { MaxLength = 3, Default = JsonValue("\"ABCD\"") })),
            "fields[0].default", "maxLength 3");

    [Fact]
    public void Check_StringDefaultNotMatchingPattern_RejectsAtDefault() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("code") with { Pattern = "^[A-Z]+$", Default = JsonValue("\"abc\"") })),
            "fields[0].default", "pattern '^[A-Z]+$'");

    [Theory]
    [InlineData("\"123.456\"", "after the decimal point")]
    [InlineData("1234", "before the decimal point")]
    public void Check_DecimalDefaultBeyondPrecision_RejectsAtDefault(string json, string mention) =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Precision = 5, Scale = 2, Default = JsonValue(json) })),
            "fields[0].default", mention);

    [Fact]
    public void Check_DecimalDefaultWithinPrecision_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Precision = 5, Scale = 2, Default = JsonValue("\"999.50\"") })));
}
