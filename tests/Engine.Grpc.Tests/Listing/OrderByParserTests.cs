using Engine.Grpc.Listing;

namespace Engine.Grpc.Tests.Listing;

public class OrderByParserTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("line_count desc, number", "lineCount desc, number asc")]
    [InlineData("number asc,create_time desc ,  id", "number asc, createdAt desc, id asc")]
    [InlineData("update_time", "updatedAt asc")]
    [InlineData("issued_on desc, total, status, archived, paid_at, sequence, weight", "issuedOn desc, total asc, status asc, archived asc, paidAt asc, sequence asc, weight asc")]
    public void Parse_GoodOrder_ReturnsTheKeys(string orderBy, string expected)
    {
        var (keys, errors) = OrderByParser.Parse(orderBy, ListingModel.Invoice);

        Assert.Empty(errors);
        Assert.Equal(expected, string.Join(", ", keys.Select(k => k.Field.Name + (k.Descending ? " desc" : " asc"))));
    }

    [Theory]
    [InlineData("nope", "Offset 0: Invoice has no field 'nope'.")]
    [InlineData("number, extra desc", "Offset 8: 'extra' is Json, which has no order.")]
    [InlineData("customer_id", "Offset 0: 'customer_id' is a relation; lists can only be ordered by scalar fields.")]
    [InlineData("customer", "Offset 0: 'customer' is a relation; lists can only be ordered by scalar fields.")]
    [InlineData("number, number desc", "Offset 8: 'number' appears more than once.")]
    [InlineData("number descending", "Offset 7: expected asc, desc, ',' or the end of order_by after 'number', found 'descending'.")]
    [InlineData("number desc total", "Offset 12: expected ',' or the end of order_by after 'number desc', found 'total'.")]
    [InlineData("number DESC", "Offset 7: expected asc, desc, ',' or the end of order_by after 'number', found 'DESC'.")]
    [InlineData("number,", "Offset 7: expected a field name, found the end of order_by.")]
    [InlineData(", number", "Offset 0: expected a field name, found ','.")]
    public void Parse_BadOrder_NamesTheMistake(string orderBy, string expected)
    {
        var (keys, errors) = OrderByParser.Parse(orderBy, ListingModel.Invoice);

        Assert.Empty(keys);
        var error = Assert.Single(errors);
        Assert.Equal(new FieldViolation("order_by", expected), error);
    }
}
