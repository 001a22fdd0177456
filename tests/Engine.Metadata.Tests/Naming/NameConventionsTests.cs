using Engine.Metadata.Naming;

namespace Engine.Metadata.Tests.Naming;

public class NameConventionsTests
{
    [Theory]
    [InlineData("issuedOn", "issued_on")]
    [InlineData("InvoiceLine", "invoice_line")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("address2Line", "address2_line")]
    [InlineData("total", "total")]
    [InlineData("createdAT", "created_at")]
    public void ToSnakeCase_Name_GivesSnakeCase(string name, string expected) => Assert.Equal(expected, NameConventions.ToSnakeCase(name));

    [Theory]
    [InlineData("Category", "Categories")]
    [InlineData("Address", "Addresses")]
    [InlineData("Person", "People")]
    [InlineData("Box", "Boxes")]
    [InlineData("Day", "Days")]
    [InlineData("Church", "Churches")]
    [InlineData("InvoiceLine", "InvoiceLines")]
    [InlineData("SalesPerson", "SalesPeople")]
    [InlineData("Child", "Children")]
    public void Pluralize_Name_GivesEnglishPlural(string name, string expected) => Assert.Equal(expected, NameConventions.Pluralize(name));

    [Fact]
    public void ToUpperSnakeCase_CamelCase_GivesUpperSnakeCase() => Assert.Equal("ISSUED_ON", NameConventions.ToUpperSnakeCase("issuedOn"));
}
