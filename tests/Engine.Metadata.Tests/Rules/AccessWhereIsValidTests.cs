using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class AccessWhereIsValidTests
{
    private static IReadOnlyList<Validation.ValidationError> CheckWhere(string where) =>
        Check.Resource(
            Resource("Invoice", Field("total", FieldTypes.Decimal), ToOne("customer", "Customer"), ToMany("lines", "Line", "invoice")) with
            {
                Access = [new AccessRuleDefinition { Role = "customer", Actions = ["read"], Where = JsonValue(where) }],
            },
            Resource("Customer", Field("name")),
            Resource("Line", ToOne("invoice", "Invoice"), Field("amount", FieldTypes.Int)));

    [Theory]
    [InlineData("""{ "customer": { "id": "$claims.sub" } }""")]
    [InlineData("""{ "total_gte": 10, "id_not_in": ["x"], "createdAt_lt": "2024-01-01T00:00:00Z" }""")]
    [InlineData("""{ "OR": [{ "total": 1 }, { "lines_some": { "amount_gt": 5 } }], "NOT": { "customer": { "name_contains": "x" } } }""")]
    public void Check_WhereInputKeys_Accepts(string where) => Check.Valid(CheckWhere(where));

    [Fact]
    public void Check_UnknownField_RejectsAtThatKey() =>
        Check.OneError(CheckWhere("""{ "owner": "$claims.sub" }"""), "access[0].where.owner", "'owner'", "not a field or filter of 'Invoice'");

    [Fact]
    public void Check_UnknownFieldOfRelatedResource_RejectsAtNestedKey() =>
        Check.OneError(CheckWhere("""{ "customer": { "nme": "x" } }"""), "access[0].where.customer.nme", "of 'Customer'");

    [Fact]
    public void Check_UnknownKeyInsideOr_RejectsAtListItem() =>
        Check.OneError(CheckWhere("""{ "OR": [{ "total": 1 }, { "bogus": 1 }] }"""), "access[0].where.OR[1].bogus", "'bogus'");

    [Fact]
    public void Check_ToManyWithoutSuffix_RejectsAtKey() =>
        Check.OneError(CheckWhere("""{ "lines": { "amount": 1 } }"""), "access[0].where.lines", "'lines_some'");
}
