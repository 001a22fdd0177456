using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class ColumnNamesAreUniqueTests
{
    [Fact]
    public void Check_DistinctColumns_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Field("customerName"), ToOne("customer", "Customer")), Resource("Customer")));

    [Fact]
    public void Check_FieldAndRelationShareColumn_RejectsTheLaterOnce() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("customerId"), ToOne("customer", "Customer")), Resource("Customer")),
            "fields[1].name", "relation 'customer'", "'customer_id'", "field 'customerId'");

    [Fact]
    public void Check_FieldOnSystemColumn_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("createdAT", FieldTypes.DateTime))), "fields[0].name", "'created_at'", "system field 'createdAt'");
}
