using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Query.Tests.Filters;

/// <summary>
/// <see cref="RecordPredicate"/>'s logic: two-valued null handling, IN lists, string matching and relation filters.
/// The per-type orderings are in <see cref="RecordPredicateValueTests"/>; agreement with PostgreSQL on real rows is
/// checked by Engine.Sql.Tests' RecordPredicateEquivalenceTests.
/// </summary>
public sealed class RecordPredicateTests
{
    internal static readonly SchemaModel Model = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Item",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String },
                new FieldDefinition { Name = "count", Type = FieldTypes.Int },
                new FieldDefinition { Name = "big", Type = FieldTypes.Long },
                new FieldDefinition { Name = "ratio", Type = FieldTypes.Float },
                new FieldDefinition { Name = "amount", Type = FieldTypes.Decimal },
                new FieldDefinition { Name = "flag", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "at", Type = FieldTypes.DateTime },
                new FieldDefinition { Name = "day", Type = FieldTypes.Date },
                new FieldDefinition { Name = "data", Type = FieldTypes.Json },
                new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "PUBLISHED"] },
                new FieldDefinition { Name = "maker", Type = FieldTypes.Relation, Target = "Maker", Cardinality = "one", Inverse = "items" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Maker",
            Fields =
            [
                new FieldDefinition { Name = "label", Type = FieldTypes.String },
                new FieldDefinition { Name = "items", Type = FieldTypes.Relation, Target = "Item", Cardinality = "many", Inverse = "maker" },
            ],
        },
    ]);

    internal static readonly ResourceModel Item = Model.Resource("Item")!;
    internal static readonly ResourceModel Maker = Model.Resource("Maker")!;

    internal static FieldModel F(string name) => Item.Field(name)!;

    internal static ComparisonFilter Cmp(string field, ComparisonOperator op, object? value) => new(F(field), op, value);

    internal static ComparisonFilter Eq(string field, object? value) => Cmp(field, ComparisonOperator.Equal, value);

    /// <summary>Whether the compiled <paramref name="filter"/> holds for the record <paramref name="json"/>.</summary>
    internal static bool Holds(Filter filter, string json)
    {
        using var document = JsonDocument.Parse(json);
        return RecordPredicate.Compile(filter)(document.RootElement);
    }

    [Fact]
    public void Compile_EqualNull_MatchesNullAndAbsentFields()
    {
        Assert.True(Holds(Eq("name", null), """{"name": null}"""));
        Assert.True(Holds(Eq("name", null), """{"count": 1}"""));
        Assert.False(Holds(Eq("name", null), """{"name": ""}"""));
    }

    [Fact]
    public void Compile_NotEqualNull_MatchesOnlyPresentValues()
    {
        var filter = Cmp("name", ComparisonOperator.NotEqual, null);
        Assert.True(Holds(filter, """{"name": ""}"""));
        Assert.False(Holds(filter, """{"name": null}"""));
    }

    [Fact]
    public void Compile_NotEqualValue_AlsoMatchesNullFields()
    {
        var filter = Cmp("name", ComparisonOperator.NotEqual, "a");
        Assert.True(Holds(filter, """{"name": null}"""));
        Assert.True(Holds(filter, """{"name": "b"}"""));
        Assert.False(Holds(filter, """{"name": "a"}"""));
    }

    [Theory]
    [InlineData(ComparisonOperator.Equal)]
    [InlineData(ComparisonOperator.LessThan)]
    [InlineData(ComparisonOperator.LessThanOrEqual)]
    [InlineData(ComparisonOperator.GreaterThan)]
    [InlineData(ComparisonOperator.GreaterThanOrEqual)]
    public void Compile_ComparisonOnNullField_DoesNotHold_AndItsNegationDoes(ComparisonOperator op)
    {
        Assert.False(Holds(Cmp("count", op, 1), """{"count": null}"""));
        Assert.True(Holds(new NotFilter(Cmp("count", op, 1)), """{"count": null}"""));
    }

    [Theory]
    [InlineData(ComparisonOperator.LessThan)]
    [InlineData(ComparisonOperator.GreaterThanOrEqual)]
    public void Compile_OrderingAgainstNull_HoldsForNothing(ComparisonOperator op)
    {
        Assert.False(Holds(Cmp("count", op, null), """{"count": 1}"""));
        Assert.False(Holds(Cmp("count", op, null), """{"count": null}"""));
    }

    [Fact]
    public void Compile_NotOfOrOverNullComparison_IsTwoValued()
    {
        // SQL: (count = 1 OR name = 'x') is NULL OR FALSE = NULL; NOT (…) IS NOT TRUE holds.
        var filter = new NotFilter(new OrFilter([Eq("count", 1), Eq("name", "x")]));
        Assert.True(Holds(filter, """{"count": null, "name": "y"}"""));
        Assert.False(Holds(filter, """{"count": null, "name": "x"}"""));
    }

    [Fact]
    public void Compile_EmptyAndOr_HoldAlwaysAndNever()
    {
        Assert.True(Holds(new AndFilter([]), "{}"));
        Assert.False(Holds(new OrFilter([]), "{}"));
        Assert.True(Holds(new NotFilter(new OrFilter([])), "{}"));
    }

    [Fact]
    public void Compile_AndOr_CombineItems()
    {
        var filter = new AndFilter([Eq("name", "a"), new OrFilter([Eq("count", 1), Eq("count", 2)])]);
        Assert.True(Holds(filter, """{"name": "a", "count": 2}"""));
        Assert.False(Holds(filter, """{"name": "a", "count": 3}"""));
        Assert.False(Holds(filter, """{"name": "b", "count": 1}"""));
    }

    [Fact]
    public void Compile_In_MatchesMembers_AndNullsOnlyWithANullInTheList()
    {
        var plain = new InFilter(F("count"), [1, 2], Negated: false);
        var withNull = new InFilter(F("count"), [1, null], Negated: false);
        Assert.True(Holds(plain, """{"count": 2}"""));
        Assert.False(Holds(plain, """{"count": 3}"""));
        Assert.False(Holds(plain, """{"count": null}"""));
        Assert.True(Holds(withNull, """{"count": null}"""));
        Assert.True(Holds(withNull, """{"count": 1}"""));
    }

    [Fact]
    public void Compile_NotIn_MatchesNulls_UnlessTheListHoldsANull()
    {
        var plain = new InFilter(F("count"), [1, 2], Negated: true);
        var withNull = new InFilter(F("count"), [1, null], Negated: true);
        Assert.True(Holds(plain, """{"count": null}"""));
        Assert.True(Holds(plain, """{"count": 3}"""));
        Assert.False(Holds(plain, """{"count": 1}"""));
        Assert.False(Holds(withNull, """{"count": null}"""));
        Assert.True(Holds(withNull, """{"count": 3}"""));
    }

    [Fact]
    public void Compile_EmptyInList_MatchesNothing_AndEmptyNotInEverything()
    {
        Assert.False(Holds(new InFilter(F("count"), [], Negated: false), """{"count": 1}"""));
        Assert.True(Holds(new InFilter(F("count"), [], Negated: true), """{"count": 1}"""));
        Assert.True(Holds(new InFilter(F("count"), [], Negated: true), """{"count": null}"""));
    }

    [Theory]
    [InlineData(StringMatchOperator.Contains, "50%_off", "get 50%_off now", true)]
    [InlineData(StringMatchOperator.Contains, "50%_off", "get 50% off now", false)]
    [InlineData(StringMatchOperator.Contains, "a_c", "abc", false)]
    [InlineData(StringMatchOperator.StartsWith, "C:\\", "C:\\temp", true)]
    [InlineData(StringMatchOperator.StartsWith, "abc", "ABCdef", false)]
    [InlineData(StringMatchOperator.EndsWith, "ß", "Straße", false)]
    [InlineData(StringMatchOperator.EndsWith, "ße", "Straße", true)]
    [InlineData(StringMatchOperator.Contains, "", "anything", true)]
    public void Compile_StringMatch_IsLiteralAndCaseSensitive(StringMatchOperator op, string pattern, string value, bool expected)
    {
        var json = JsonSerializer.Serialize(new { name = value });
        Assert.Equal(expected, Holds(new StringMatchFilter(F("name"), op, pattern, Negated: false), json));
        Assert.Equal(!expected, Holds(new StringMatchFilter(F("name"), op, pattern, Negated: true), json));
    }

    [Fact]
    public void Compile_StringMatchOnNullField_MatchesNeitherItNorItsNegation()
    {
        Assert.False(Holds(new StringMatchFilter(F("name"), StringMatchOperator.Contains, "a", Negated: false), """{"name": null}"""));
        Assert.False(Holds(new StringMatchFilter(F("name"), StringMatchOperator.Contains, "a", Negated: true), """{"name": null}"""));
    }

    [Fact]
    public void Compile_ToOneForeignKey_ComparesTheRelationsIdUnderItsName()
    {
        var maker = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
        Assert.True(Holds(Eq("maker", maker), """{"maker": "0190a1b2-0000-7000-8000-000000000001"}"""));
        Assert.False(Holds(Eq("maker", maker), """{"maker": null}"""));
        Assert.True(Holds(Eq("maker", null), """{"maker": null}"""));
    }

    [Fact]
    public void Compile_ToOneFilter_ThrowsNotSupportedNamingTheRelation()
    {
        var filter = new AndFilter([Eq("name", "a"), new ToOneFilter(F("maker"), Maker, new ComparisonFilter(Maker.Field("label")!, ComparisonOperator.Equal, "x"))]);
        var error = Assert.Throws<NotSupportedException>(() => RecordPredicate.Compile(filter));
        Assert.Contains("'maker'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ToManyFilter_ThrowsNotSupportedNamingTheRelation()
    {
        var items = Maker.Field("items")!;
        var filter = new NotFilter(new ToManyFilter(items, Item, ToManyQuantifier.Some, Eq("count", 1)));
        var error = Assert.Throws<NotSupportedException>(() => RecordPredicate.Compile(filter));
        Assert.Contains("'items'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_RelatedToFilter_ThrowsNotSupportedNamingTheRelation()
    {
        var error = Assert.Throws<NotSupportedException>(() => RecordPredicate.Compile(new RelatedToFilter(Maker.Field("items")!, Guid.NewGuid())));
        Assert.Contains("'items'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_JsonOrdering_ThrowsNotSupportedNamingTheField()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            RecordPredicate.Compile(Cmp("data", ComparisonOperator.LessThan, new JsonText("{}"))));
        Assert.Contains("'data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicate_MalformedRecordValue_ThrowsFormatExceptionNamingTheField()
    {
        var error = Assert.Throws<FormatException>(() => Holds(Eq("count", 1), """{"count": "many"}"""));
        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicate_CompiledOnce_EvaluatesManyRecords()
    {
        var predicate = RecordPredicate.Compile(new AndFilter([Cmp("count", ComparisonOperator.GreaterThan, 10), Eq("flag", true)]));
        var matches = 0;
        for (var i = 0; i < 20; i++)
        {
            using var record = JsonDocument.Parse($$"""{"count": {{i}}, "flag": {{(i % 2 == 0 ? "true" : "false")}}}""");
            matches += predicate(record.RootElement) ? 1 : 0;
        }

        Assert.Equal(4, matches);
    }
}
