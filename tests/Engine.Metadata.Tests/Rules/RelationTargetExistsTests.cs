using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class RelationTargetExistsTests
{
    [Fact]
    public void Check_ExistingTarget_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", ToOne("customer", "Customer")), Resource("Customer")));

    [Fact]
    public void Check_UnknownTarget_RejectsAtTarget() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", "Custmer")), Resource("Customer")),
            "fields[0].target", "'Custmer'", "not a defined resource");

    [Fact]
    public void Check_TargetInWrongCase_SuggestsTheResource() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", "customer")), Resource("Customer")),
            "fields[0].target", "did you mean 'Customer'");

    [Fact]
    public void Check_MissingTarget_RejectsAtTarget() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToOne("customer", null!))), "fields[0].target", "no target");
}
