using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class DecimalPrecisionIsValidTests
{
    [Fact]
    public void Check_PrecisionAndScale_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Precision = 12, Scale = 2 }, Field("rate", FieldTypes.Decimal))));

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Check_PrecisionOutOfRange_RejectsAtPrecision(int precision) =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Precision = precision })),
            "fields[0].precision", $"is {precision}", "1 to 1000");

    [Fact]
    public void Check_ScaleAbovePrecision_RejectsAtScale() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Precision = 4, Scale = 5 })),
            "fields[0].scale", "is 5", "0 to the precision (4)");

    [Fact]
    public void Check_ScaleWithoutPrecision_RejectsAtScale() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("total", FieldTypes.Decimal) with { Scale = 2 })), "fields[0].scale", "no precision");

    [Fact]
    public void Check_PrecisionOnInt_RejectsAtPrecision() =>
        Check.OneError(Check.Resource(Resource("Invoice", Field("count", FieldTypes.Int) with { Precision = 5 })), "fields[0].precision", "Int", "only to Decimal");
}
