using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class IndexFieldsExistTests
{
    private static ResourceDefinition Invoice(params IndexDefinition[] indexes) =>
        Resource("Invoice", Field("status"), Field("issuedOn", FieldTypes.Date), ToOne("customer", "Customer"), ToMany("tags", "Tag"))
            with { Indexes = indexes };

    private static IReadOnlyList<Validation.ValidationError> CheckInvoice(params IndexDefinition[] indexes) =>
        Check.Resource(Invoice(indexes), Resource("Customer"), Resource("Tag"));

    [Fact]
    public void Check_ScalarToOneAndSystemFields_Accepts() =>
        Check.Valid(CheckInvoice(new IndexDefinition { Fields = ["status", "issuedOn"] }, new IndexDefinition { Fields = ["customer", "createdAt"], Unique = true }));

    [Fact]
    public void Check_NoFields_RejectsAtFields() =>
        Check.OneError(CheckInvoice(new IndexDefinition()), "indexes[0].fields", "no fields");

    [Fact]
    public void Check_UnknownField_RejectsAtThatField() =>
        Check.OneError(CheckInvoice(new IndexDefinition { Fields = ["status", "total"] }), "indexes[0].fields[1]", "'total'", "not a field of 'Invoice'");

    [Fact]
    public void Check_ToManyRelation_RejectsAtThatField() =>
        Check.OneError(CheckInvoice(new IndexDefinition { Fields = ["tags"] }), "indexes[0].fields[0]", "to-many relation 'tags'");

    [Fact]
    public void Check_RepeatedField_RejectsTheRepeat() =>
        Check.OneError(CheckInvoice(new IndexDefinition { Fields = ["status", "status"] }), "indexes[0].fields[1]", "'status' twice");
}
