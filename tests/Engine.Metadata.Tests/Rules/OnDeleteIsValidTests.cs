using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class OnDeleteIsValidTests
{
    [Theory]
    [InlineData("RESTRICT")]
    [InlineData("CASCADE")]
    [InlineData("SET_NULL")]
    public void Check_ActionOnOptionalToOne_Accepts(string action) =>
        Check.Valid(Check.Resource(Resource("Invoice", ToOne("customer", "Customer") with { OnDelete = action }), Resource("Customer")));

    [Fact]
    public void Check_UnknownAction_RejectsAtOnDelete() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", "Customer") with { OnDelete = "DELETE" }), Resource("Customer")),
            "fields[0].onDelete", "'DELETE'", "RESTRICT, CASCADE or SET_NULL");

    [Fact]
    public void Check_SetNullOnRequired_RejectsAtOnDelete() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", "Customer") with { OnDelete = "SET_NULL", Required = true }), Resource("Customer")),
            "fields[0].onDelete", "required", "RESTRICT or CASCADE");

    [Fact]
    public void Check_OnToMany_RejectsAtOnDelete() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToMany("tags", "Tag") with { OnDelete = "CASCADE" }), Resource("Tag")),
            "fields[0].onDelete", "cardinality 'one'");

    [Fact]
    public void Check_OnScalar_RejectsAtOnDelete() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("notes") with { OnDelete = "CASCADE" })), "fields[0].onDelete", "only to relations");
}
