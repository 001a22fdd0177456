using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class ResourceNameIsPascalCaseTests
{
    [Fact]
    public void Check_PascalCaseName_Accepts() => Check.Valid(Check.Resource(Resource("InvoiceLine", Field("amount"))));

    [Fact]
    public void Check_SnakeCaseName_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("invoice_line", Field("amount"))), "name", "'invoice_line'", "PascalCase");

    [Fact]
    public void Check_MissingName_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("", Field("amount"))), "name", "no name");
}
