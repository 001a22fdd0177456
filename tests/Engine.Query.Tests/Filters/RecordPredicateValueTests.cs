using System.Text.Json;
using Engine.Query.Filters;
using Engine.Query.Plans;
using static Engine.Query.Tests.Filters.RecordPredicateTests;

namespace Engine.Query.Tests.Filters;

/// <summary>Each storage type read from Engine.Sql's JSON forms and ordered as its PostgreSQL column type orders.</summary>
public sealed class RecordPredicateValueTests
{
    private static string Record(string field, object? value) => JsonSerializer.Serialize(new Dictionary<string, object?> { [field] = value });

    /// <summary>Negative, zero or positive as the predicate orders the record's value against <paramref name="value"/>.</summary>
    private static int Order(string field, object? recordValue, object value)
    {
        var json = Record(field, recordValue);
        var less = Holds(Cmp(field, ComparisonOperator.LessThan, value), json);
        var equal = Holds(Eq(field, value), json);
        var greater = Holds(Cmp(field, ComparisonOperator.GreaterThan, value), json);
        Assert.Equal(1, (less ? 1 : 0) + (equal ? 1 : 0) + (greater ? 1 : 0));
        Assert.Equal(less || equal, Holds(Cmp(field, ComparisonOperator.LessThanOrEqual, value), json));
        Assert.Equal(greater || equal, Holds(Cmp(field, ComparisonOperator.GreaterThanOrEqual, value), json));
        Assert.Equal(!equal, Holds(Cmp(field, ComparisonOperator.NotEqual, value), json));
        return less ? -1 : equal ? 0 : 1;
    }

    [Theory]
    [InlineData(5, 5, 0)]
    [InlineData(-3, 2, -1)]
    [InlineData(2147483647, -2147483648, 1)]
    public void Int_ComparesNumbers(int record, int value, int expected) => Assert.Equal(expected, Order("count", record, value));

    [Theory]
    [InlineData("9007199254740993", 9007199254740992L, 1)]
    [InlineData("-9223372036854775808", -9223372036854775807L, -1)]
    [InlineData("42", 42L, 0)]
    public void Long_ComparesItsStringFormExactly(string record, long value, int expected) => Assert.Equal(expected, Order("big", record, value));

    [Theory]
    [InlineData("1.50", "1.5", 0)]
    [InlineData("-0.00", "0", 0)]
    [InlineData("0.10", "0.09", 1)]
    [InlineData("-2", "-10", 1)]
    [InlineData("123456789012345678901234567890.5", "79228162514264337593543950335", 1)]
    [InlineData("-123456789012345678901234567890.5", "-79228162514264337593543950335", -1)]
    [InlineData("0.00000000000000000000000000000001", "0", 1)]
    [InlineData("1.0000000000000000000000000000001", "1", 1)]
    [InlineData("NaN", "79228162514264337593543950335", 1)]
    public void Decimal_ComparesExactly_WhateverItsSize(string record, string value, int expected) =>
        Assert.Equal(expected, Order("amount", record, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Float_NaNEqualsNaN_AndSortsAboveEveryNumber()
    {
        Assert.Equal(0, Order("ratio", "NaN", double.NaN));
        Assert.Equal(1, Order("ratio", "NaN", double.MaxValue));
        Assert.Equal(1, Order("ratio", "Infinity", double.MaxValue));
        Assert.Equal(-1, Order("ratio", 1.5, double.NaN));
        Assert.Equal(0, Order("ratio", -0.0, 0.0));
        Assert.Equal(-1, Order("ratio", 0.1, 0.10000000000000002));
    }

    [Fact]
    public void Boolean_OrdersFalseBeforeTrue()
    {
        Assert.Equal(-1, Order("flag", false, true));
        Assert.Equal(0, Order("flag", true, true));
    }

    [Fact]
    public void DateTime_ComparesInstants_DroppingTicksBeyondMicrosecondsAsNpgsqlDoes()
    {
        var at = new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        Assert.Equal(0, Order("at", "2024-05-01T12:30:00.123456Z", at));
        Assert.Equal(-1, Order("at", "2024-05-01T12:30:00.123455Z", at));
        Assert.Equal(1, Order("at", "2024-05-01T12:30:00.123457Z", at));

        // Before 2000 Npgsql's division truncates toward its epoch: the extra ticks round up to the next microsecond.
        var old = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9);
        Assert.Equal(0, Order("at", "1999-12-31T23:59:59.000001Z", old));
    }

    [Fact]
    public void DateTime_ReadsYearsBeyond9999_AndOtherOffsets()
    {
        Assert.Equal(1, Order("at", "10000-01-01T00:00:00.000000Z", DateTime.SpecifyKind(DateTime.MaxValue.AddTicks(-10), DateTimeKind.Utc)));
        Assert.Equal(0, Order("at", "2024-05-01T14:30:00+02:00", new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void DateTime_MaxValueFilter_IsInfinity()
    {
        Assert.Equal(-1, Order("at", "9999-12-31T23:59:59.999999Z", DateTime.MaxValue));
    }

    [Fact]
    public void Date_ComparesDays()
    {
        Assert.Equal(0, Order("day", "2024-02-29", new DateOnly(2024, 2, 29)));
        Assert.Equal(-1, Order("day", "2023-12-31", new DateOnly(2024, 1, 1)));
        Assert.Equal(1, Order("day", "12024-01-01", new DateOnly(9999, 12, 30)));
        Assert.Equal(-1, Order("day", "0001-01-01", new DateOnly(1, 1, 2)));
    }

    [Fact]
    public void Date_MinAndMaxValues_AreInfinities()
    {
        Assert.Equal(-1, Order("day", "12024-01-01", DateOnly.MaxValue));
        Assert.Equal(1, Order("day", "0001-01-01", DateOnly.MinValue));
        Assert.Equal(0, Order("day", "infinity", DateOnly.MaxValue));
        Assert.Equal(1, Order("day", "infinity", new DateOnly(9999, 12, 30)));
        Assert.Equal(-1, Order("day", "-infinity", new DateOnly(1, 1, 2)));
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("Z", "a", -1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("é", "z", 1)]
    [InlineData("\uFFFD", "😀", -1)]
    [InlineData("\uE000", "\U00010000", -1)]
    [InlineData("😀", "😀", 0)]
    public void String_OrdersByCodePoint(string record, string value, int expected) => Assert.Equal(expected, Order("name", record, value));

    [Fact]
    public void Enum_ComparesAsText()
    {
        Assert.True(Holds(Eq("status", "DRAFT"), """{"status": "DRAFT"}"""));
        Assert.False(Holds(Eq("status", "DRAFT"), """{"status": "PUBLISHED"}"""));
        Assert.True(Holds(new InFilter(F("status"), ["PUBLISHED", "DRAFT"], Negated: false), """{"status": "DRAFT"}"""));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000001", 1)]
    [InlineData("01000000-0000-0000-0000-000000000000", "00ffffff-ffff-ffff-ffff-ffffffffffff", 1)]
    [InlineData("00000000-0000-0100-0000-000000000000", "00000000-0000-00ff-ffff-ffffffffffff", 1)]
    [InlineData("0190A1B2-0000-7000-8000-000000000001", "0190a1b2-0000-7000-8000-000000000001", 0)]
    public void Id_OrdersAsUuidBytes(string record, string value, int expected)
    {
        var json = Record("id", record);
        var filter = new ComparisonFilter(Item.Id, ComparisonOperator.GreaterThan, Guid.Parse(value));
        Assert.Equal(expected > 0, Holds(filter, json));
        Assert.Equal(expected == 0, Holds(new ComparisonFilter(Item.Id, ComparisonOperator.Equal, Guid.Parse(value)), json));
    }

    [Theory]
    [InlineData("""{"a": 1, "b": [1, 2]}""", """{"b": [1, 2.0], "a": 1.00}""", true)]
    [InlineData("""{"a": 1}""", """{"a": 1, "a": 2}""", false)]
    [InlineData("""{"a": 2}""", """{"a": 1, "a": 2}""", true)]
    [InlineData("""[1, 2]""", """[2, 1]""", false)]
    [InlineData("""100""", """1e2""", true)]
    [InlineData("""{"a": "x"}""", """{"a": "X"}""", false)]
    [InlineData("""{"a": null}""", """{}""", false)]
    [InlineData("""true""", """true""", true)]
    public void Json_EqualsAsJsonb(string record, string value, bool expected)
    {
        var json = $$"""{"data": {{record}}}""";
        Assert.Equal(expected, Holds(Eq("data", new JsonText(value)), json));
        Assert.Equal(!expected, Holds(Cmp("data", ComparisonOperator.NotEqual, new JsonText(value)), json));
        Assert.Equal(expected, Holds(new InFilter(F("data"), [new JsonText("[]"), new JsonText(value)], Negated: false), json));
    }
}
