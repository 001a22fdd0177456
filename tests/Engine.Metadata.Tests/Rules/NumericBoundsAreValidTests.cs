using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class NumericBoundsAreValidTests
{
    [Fact]
    public void Check_BoundsWithDefaultBetween_Accepts() =>
        Check.Valid(Check.Resource(Resource("Item",
            Field("quantity", FieldTypes.Int) with { Min = 1, Max = 10, Default = JsonValue("5") },
            Field("weight", FieldTypes.Float) with { Min = 0.5m },
            Field("serial", FieldTypes.Long) with { Max = 9_000_000_000_000_000_000m },
            Field("price", FieldTypes.Decimal) with { Min = 0, Default = JsonValue("\"0.00\"") })));

    [Fact]
    public void Check_MinOnString_RejectsAtMinPointingToMaxLength() =>
        Check.OneError(Check.Resource(Resource("Item", Field("name") with { Min = 1 })), "fields[0].min", "only to Int, Long, Float and Decimal", "maxLength");

    [Fact]
    public void Check_MaxBelowMin_RejectsAtMax() =>
        Check.OneError(Check.Resource(Resource("Item", Field("quantity", FieldTypes.Int) with { Min = 5, Max = 1 })), "fields[0].max", "max 1 below min 5");

    [Fact]
    public void Check_FractionalMinOnInt_RejectsAtMin() =>
        Check.OneError(Check.Resource(Resource("Item", Field("quantity", FieldTypes.Int) with { Min = 0.5m })), "fields[0].min", "whole number");

    [Fact]
    public void Check_MaxBeyondIntRange_RejectsAtMax() =>
        Check.OneError(Check.Resource(Resource("Item", Field("quantity", FieldTypes.Int) with { Max = 3_000_000_000m })), "fields[0].max", "2147483647");

    [Fact]
    public void Check_DefaultBelowMin_RejectsAtDefault() =>
        Check.OneError(Check.Resource(Resource("Item", Field("quantity", FieldTypes.Int) with { Min = 1, Default = JsonValue("0") })), "fields[0].default", "below its min 1");

    [Fact]
    public void Check_DecimalDefaultAboveMax_RejectsAtDefault() =>
        Check.OneError(Check.Resource(Resource("Item", Field("price", FieldTypes.Decimal) with { Max = 100, Default = JsonValue("\"100.01\"") })),
            "fields[0].default", "above its max 100");
}
