using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class ResourceNamesAreUniqueIgnoringCaseTests
{
    [Fact]
    public void Check_DistinctNames_Accepts() => Check.Valid(Check.Resource(Resource("Invoice"), Resource("Customer")));

    [Fact]
    public void Check_NameDifferingOnlyInCase_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("Invoice"), Resource("INVOICE")), "name", "'Invoice'", "'INVOICE'", "ignoring case");
}
