using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class PropertiesFitTypeTests
{
    [Fact]
    public void Check_PropertiesOfTheirTypes_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Enum("status", "DRAFT"), ToOne("customer", "Customer") with { Unique = true, Required = true }), Resource("Customer")));

    [Fact]
    public void Check_ValuesOnString_RejectsAtValues() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("status") with { Values = ["DRAFT"] })), "fields[0].values", "'values'", "Enum");

    [Theory]
    [InlineData("target")]
    [InlineData("cardinality")]
    [InlineData("inverse")]
    public void Check_RelationPropertyOnScalar_RejectsAtProperty(string property)
    {
        var field = property switch
        {
            "target" => Field("customer") with { Target = "Customer" },
            "cardinality" => Field("customer") with { Cardinality = "one" },
            _ => Field("customer") with { Inverse = "invoices" },
        };

        Check.OneError(Check.Resource(Resource("Invoice", field), Resource("Customer")), $"fields[0].{property}", $"'{property}'", "Relation");
    }

    [Fact]
    public void Check_UniqueToMany_RejectsAtUnique() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToMany("tags", "Tag") with { Unique = true }), Resource("Tag")), "fields[0].unique", "'tags'", "cannot be unique");

    [Fact]
    public void Check_RequiredToMany_RejectsAtRequired() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToMany("tags", "Tag") with { Required = true }), Resource("Tag")), "fields[0].required", "cannot be required");

    [Fact]
    public void Check_UniqueJson_RejectsAtUnique() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("data", FieldTypes.Json) with { Unique = true })), "fields[0].unique", "Json");
}
