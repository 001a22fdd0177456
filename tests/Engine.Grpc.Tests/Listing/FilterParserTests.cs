namespace Engine.Grpc.Tests.Listing;

public class FilterParserTests
{
    private static string Parse(string filter)
    {
        var (result, errors) = Engine.Grpc.Listing.FilterParser.Parse(filter, ListingModel.Invoice, ListingModel.Schema);
        Assert.Empty(errors);
        return ListingModel.Render(result);
    }

    private static string Violation(string filter)
    {
        var (result, errors) = Engine.Grpc.Listing.FilterParser.Parse(filter, ListingModel.Invoice, ListingModel.Schema);
        Assert.Null(result);
        var error = Assert.Single(errors);
        Assert.Equal("filter", error.Field);
        return error.Description;
    }

    [Theory]
    // Precedence: AIP-160's grammar makes OR bind tighter than AND, and NOT tighter than both.
    [InlineData("line_count = 1 AND line_count = 2 OR line_count = 3", "and(lineCount = 1:Int32, or(lineCount = 2:Int32, lineCount = 3:Int32))")]
    [InlineData("line_count = 1 OR line_count = 2 AND line_count = 3", "and(or(lineCount = 1:Int32, lineCount = 2:Int32), lineCount = 3:Int32)")]
    [InlineData("(line_count = 1 AND line_count = 2) OR line_count = 3", "or(and(lineCount = 1:Int32, lineCount = 2:Int32), lineCount = 3:Int32)")]
    [InlineData("NOT archived = true AND line_count = 1", "and(not(archived = true:Boolean), lineCount = 1:Int32)")]
    [InlineData("-archived = true OR NOT (line_count > 1 AND line_count < 9)",
        "or(not(archived = true:Boolean), not(and(lineCount > 1:Int32, lineCount < 9:Int32)))")]
    [InlineData("((line_count=1))", "lineCount = 1:Int32")]
    [InlineData("  ", "none")]
    public void Parse_BooleanStructure_FollowsAip160Precedence(string filter, string expected) =>
        Assert.Equal(expected, Parse(filter));

    [Theory]
    [InlineData("id = \"0190a1b2-0000-7000-8000-000000000001\"", "id = 0190a1b2-0000-7000-8000-000000000001:Guid")]
    [InlineData("id != \"0190a1b2-0000-7000-8000-000000000001\"", "id != 0190a1b2-0000-7000-8000-000000000001:Guid")]
    [InlineData("customer_id = \"0190a1b2-0000-7000-8000-000000000002\"", "customer = 0190a1b2-0000-7000-8000-000000000002:Guid")]
    [InlineData("create_time >= \"2024-05-01T12:00:00Z\"", "createdAt >= 2024-05-01T12:00:00.0000000Z:DateTime")]
    [InlineData("update_time < \"2024-05-01T14:30:00.123+02:00\"", "updatedAt < 2024-05-01T12:30:00.1230000Z:DateTime")]
    [InlineData("paid_at <= \"2024-05-01T12:00:00Z\"", "paidAt <= 2024-05-01T12:00:00.0000000Z:DateTime")]
    [InlineData("number = \"INV-1\"", "number = \"INV-1\":String")]
    [InlineData("number != \"INV-1\"", "number != \"INV-1\":String")]
    [InlineData("number > \"B\"", "number > \"B\":String")]
    [InlineData("number : \"50%_\"", "number Contains \"50%_\"")]
    [InlineData("number = \"say \\\"hi\\\" \\\\ bye\"", "number = \"say \"hi\" \\ bye\":String")]
    [InlineData("line_count < -5", "lineCount < -5:Int32")]
    [InlineData("line_count <= 2147483647", "lineCount <= 2147483647:Int32")]
    [InlineData("sequence > 9007199254740993", "sequence > 9007199254740993:Int64")]
    [InlineData("sequence >= -9223372036854775808", "sequence >= -9223372036854775808:Int64")]
    [InlineData("weight < 1.5e3", "weight < 1500:Double")]
    [InlineData("weight > 2", "weight > 2:Double")]
    [InlineData("total >= 12.50", "total >= 12.50:Decimal")]
    [InlineData("total = \"0.1\"", "total = 0.1:Decimal")]
    [InlineData("archived = false", "archived = false:Boolean")]
    [InlineData("archived != true", "archived != true:Boolean")]
    [InlineData("issued_on > \"2024-02-29\"", "issuedOn > 2024-02-29:DateOnly")]
    [InlineData("status = PAID", "status = \"PAID\":String")]
    [InlineData("status != \"SENT\"", "status != \"SENT\":String")]
    [InlineData("status = STATUS_DRAFT", "status = \"DRAFT\":String")]
    [InlineData("extra = \"{\\\"a\\\": 1}\"", "extra = {\"a\": 1}:JsonText")]
    [InlineData("number = null", "number = null")]
    [InlineData("extra != null", "extra != null")]
    [InlineData("customer_id = null", "customer = null")]
    [InlineData("customer.name = \"ACME\"", "customer.(name = \"ACME\":String)")]
    [InlineData("customer.address.city : \"Par\"", "customer.(address.(city Contains \"Par\"))")]
    [InlineData("customer.address_id != null", "customer.(address != null)")]
    [InlineData("customer.address.id = \"0190a1b2-0000-7000-8000-000000000003\"", "customer.(address.(id = 0190a1b2-0000-7000-8000-000000000003:Guid))")]
    public void Parse_ComparisonOfEachType_CoercesTheValue(string filter, string expected) =>
        Assert.Equal(expected, Parse(filter));

    [Theory]
    [InlineData("number = \"abc", "Offset 9: unterminated string; expected a closing '\"'.")]
    [InlineData("number = \"a\\nb\"", "Offset 11: unknown escape '\\n' in a string; only \\\" and \\\\ are allowed.")]
    [InlineData("nope = 1", "Offset 0: Invoice has no field 'nope'.")]
    [InlineData("customer.nope = 1", "Offset 9: Customer has no field 'nope'.")]
    [InlineData("number.city = 1", "Offset 0: 'number' of Invoice is not a to-one relation, so a path cannot go through it.")]
    [InlineData("customer = null", "Offset 0: 'customer' is a relation: compare customer_id, or one of its fields as customer.<field>.")]
    [InlineData("tags_ids = \"x\"", "Offset 0: 'tags_ids' is a to-many relation, which filters cannot compare.")]
    [InlineData("archived < true", "Offset 9: '<' does not apply to archived (Boolean); use = or !=.")]
    [InlineData("extra > \"1\"", "Offset 6: '>' does not apply to extra (Json); use = or !=.")]
    [InlineData("status >= PAID", "Offset 7: '>=' does not apply to status (Enum); use = or !=.")]
    [InlineData("line_count : 5", "Offset 11: ':' (contains) applies to strings only; line_count is Int.")]
    [InlineData("line_count = 2147483648", "Offset 13: 2147483648 is out of range for line_count (Int: -2147483648..2147483647).")]
    [InlineData("line_count = -2147483649", "Offset 13: -2147483649 is out of range for line_count (Int: -2147483648..2147483647).")]
    [InlineData("sequence = 9223372036854775808", "Offset 11: 9223372036854775808 is out of range for sequence (Long: -9223372036854775808..9223372036854775807).")]
    [InlineData("weight = 1e999", "Offset 9: 1e999 is out of range for weight (Float).")]
    [InlineData("total = 1e40", "Offset 8: 1e40 is out of range for total (Decimal).")]
    [InlineData("line_count = 1.5", "Offset 13: line_count expects an integer (Int).")]
    [InlineData("line_count = \"1\"", "Offset 13: line_count expects an integer (Int).")]
    [InlineData("number = 5", "Offset 9: number expects a string in double quotes.")]
    [InlineData("id = \"not-a-uuid\"", "Offset 5: id expects an id: a UUID in double quotes.")]
    [InlineData("archived = yes", "Offset 11: archived expects true or false.")]
    [InlineData("paid_at > \"2024-05-01T12:00:00\"", "Offset 10: paid_at expects an RFC 3339 timestamp in double quotes, as \"2024-05-01T12:00:00Z\".")]
    [InlineData("issued_on = \"2024-02-30\"", "Offset 12: issued_on expects a date in double quotes, as \"YYYY-MM-DD\".")]
    [InlineData("status = LOST", "Offset 9: status expects one of DRAFT, SENT, PAID.")]
    [InlineData("extra = \"{oops\"", "Offset 8: extra expects a JSON document in a double-quoted string.")]
    [InlineData("number < null", "Offset 7: '<' cannot compare with null; use = null or != null.")]
    [InlineData("number = \"a\" garbage", "Offset 13: expected AND, OR or the end of the filter, found 'garbage'.")]
    [InlineData("number = \"a\")", "Offset 12: ')' has no matching '('.")]
    [InlineData("()", "Offset 0: empty parentheses; expected a condition inside.")]
    [InlineData("(number = \"a\"", "Offset 13: expected ')' to close the '(' at offset 0, found the end of the filter.")]
    [InlineData("number = \"a\" AND", "Offset 16: expected a field name, found the end of the filter.")]
    [InlineData("number", "Offset 6: expected an operator (= != < <= > >= :) after 'number', found the end of the filter.")]
    [InlineData("number =", "Offset 8: expected a value after '=', found the end of the filter.")]
    [InlineData("number = AND", "Offset 9: expected a value after '=', found 'AND'.")]
    [InlineData("customer. = 1", "Offset 10: expected a field name after 'customer.', found '='.")]
    [InlineData("number == \"a\"", "Offset 8: expected a value after '=', found '='.")]
    [InlineData("number ~ \"a\"", "Offset 7: unexpected character '~'.")]
    [InlineData("NOT NOT archived = true", "Offset 4: expected a field name, found 'NOT'.")]
    public void Parse_BadFilter_NamesTheMistakeAndItsOffset(string filter, string expected) =>
        Assert.Equal(expected, Violation(filter));

    [Fact]
    public void Parse_SeveralBadRestrictions_ReportsEach()
    {
        var (result, errors) = Engine.Grpc.Listing.FilterParser.Parse("nope = 1 OR line_count : 1 AND archived = 3", ListingModel.Invoice, ListingModel.Schema);

        Assert.Null(result);
        Assert.Equal(
            ["Offset 0: Invoice has no field 'nope'.", "Offset 23: ':' (contains) applies to strings only; line_count is Int.", "Offset 42: archived expects true or false."],
            errors.Select(e => e.Description));
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Parses()
    {
        var depth = Engine.Grpc.Listing.FilterParser.MaxDepth;
        var filter = new string('(', depth) + "archived = true" + new string(')', depth);

        Assert.Equal("archived = true:Boolean", Parse(filter));
    }

    [Fact]
    public void Parse_NestingBeyondTheLimit_IsAViolation()
    {
        var depth = Engine.Grpc.Listing.FilterParser.MaxDepth + 1;
        var filter = new string('(', depth) + "archived = true" + new string(')', depth);

        Assert.Equal("Offset 64: parentheses nest deeper than 64 levels.", Violation(filter));
    }

    [Fact]
    public void Parse_TooLong_IsAViolation()
    {
        var filter = "number = \"" + new string('x', 9000) + "\"";

        Assert.Equal($"The filter is {filter.Length} characters long; at most 8192 are allowed.", Violation(filter));
    }

    [Fact]
    public void Parse_LongChainOfAnd_BuildsOneFlatAnd()
    {
        var filter = string.Join(" AND ", Enumerable.Repeat("archived = true", 300));

        Assert.Equal(300, Assert.IsType<Engine.Query.Filters.AndFilter>(
            Engine.Grpc.Listing.FilterParser.Parse(filter, ListingModel.Invoice, ListingModel.Schema).Filter).Items.Count);
    }
}
