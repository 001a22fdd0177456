using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Validation;

namespace Engine.Query.Tests.Validation;

public class FieldRulesTests
{
    private static readonly ResourceModel Thing = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Thing",
            Fields =
            [
                new FieldDefinition { Name = "code", Type = FieldTypes.String, Required = true, MaxLength = 4, Pattern = "^[A-Z]+$" },
                new FieldDefinition { Name = "size", Type = FieldTypes.Int, Min = 1, Max = 9 },
                new FieldDefinition { Name = "ratio", Type = FieldTypes.Float, Min = 0, Max = 1 },
                new FieldDefinition { Name = "price", Type = FieldTypes.Decimal, Precision = 5, Scale = 2 },
                new FieldDefinition { Name = "state", Type = FieldTypes.Enum, Values = ["NEW", "DONE"] },
                new FieldDefinition { Name = "note", Type = FieldTypes.String, Pattern = "^a.b$", Default = JsonDocument.Parse("\"a-b\"").RootElement },
            ],
        },
    ]).Resources[0];

    private static List<string> Check(string field, object? value)
    {
        var problems = new List<string>();
        FieldRules.Check(Thing.Field(field)!, value, problems);
        return problems;
    }

    [Fact]
    public void Check_ValuesWithinTheRules_ReportsNothing()
    {
        Assert.Empty(Check("code", "ABC"));
        Assert.Empty(Check("size", 9));
        Assert.Empty(Check("ratio", 0.5));
        Assert.Empty(Check("price", 999.99m));
        Assert.Empty(Check("state", "DONE"));
        Assert.Empty(Check("size", null));
    }

    [Fact]
    public void Check_TextBreakingLengthAndPattern_ReportsBoth()
    {
        var problems = Check("code", "abcde");

        Assert.Contains(problems, p => p.Contains("at most 4 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must match the pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LengthInCodePoints_CountsAstralCharactersOnce()
    {
        Assert.DoesNotContain(Check("code", "\U0001F600\U0001F600"), p => p.Contains("characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_PatternDot_MatchesNewlineLikePostgres() => Assert.Empty(Check("note", "a\nb"));

    [Theory]
    [InlineData("size", 0, "at least 1")]
    [InlineData("size", 10, "at most 9")]
    public void Check_NumberOutOfRange_ReportsTheBound(string field, int value, string expected) =>
        Assert.Contains(Check(field, value), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Check_FloatOutOfRange_ReportsTheBound() => Assert.Contains(Check("ratio", 1.5), p => p.Contains("at most 1", StringComparison.Ordinal));

    [Fact]
    public void Check_DecimalWithTooManyIntegerDigits_ReportsPrecision() =>
        Assert.Contains(Check("price", 1000m), p => p.Contains("at most 3 digits", StringComparison.Ordinal));

    [Fact]
    public void Check_UnknownEnumValue_ReportsTheAllowedValues() =>
        Assert.Contains(Check("state", "LOST"), p => p.Contains("NEW, DONE", StringComparison.Ordinal));

    [Fact]
    public void Check_NullForRequiredField_ReportsRequired() =>
        Assert.Contains(Check("code", null), p => p.Contains("is required", StringComparison.Ordinal));
}
