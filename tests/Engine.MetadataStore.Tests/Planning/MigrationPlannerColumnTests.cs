using Engine.Metadata.Definitions;
using Engine.MetadataStore.Planning;
using static Engine.MetadataStore.Tests.Definitions;
using static Engine.MetadataStore.Tests.Planning.PlanAssertions;

namespace Engine.MetadataStore.Tests.Planning;

public class MigrationPlannerColumnTests
{
    private static MigrationPlan PlanField(FieldDefinition? before, FieldDefinition? after)
    {
        var keep = Field("title", FieldTypes.String);
        var from = before is null ? Resource("Post", keep) : Resource("Post", keep, before);
        var to = after is null ? Resource("Post", keep) : Resource("Post", keep, after);
        return MigrationPlanner.Plan(Model(from), Model(to));
    }

    [Fact]
    public void Plan_AddedRequiredFieldWithDefault_AddsColumnInOneStep()
    {
        var plan = PlanField(null, Field("views", FieldTypes.Int) with { Required = true, Default = Json("0") });

        var add = Single(plan, MigrationStepKinds.AddColumn);
        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD COLUMN \"views\" integer NOT NULL DEFAULT 0", add.Sql);
        Assert.False(add.Destructive);
        Assert.Equal("views", add.Column);
        Assert.Equal("resources[Post].fields[1]", add.Path);
        Assert.Single(plan.Steps);
    }

    [Fact]
    public void Plan_AddedUniqueCheckedField_AddsColumnThenConstraints()
    {
        var plan = PlanField(null, Field("slug", FieldTypes.String) with { Unique = true, MaxLength = 80, Pattern = "^[a-z-]+$" });

        Assert.Equal([MigrationStepKinds.AddColumn, MigrationStepKinds.AddUnique, MigrationStepKinds.AddCheck], Kinds(plan));
        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_slug_key\" UNIQUE (\"slug\")", plan.Steps[1].Sql);
        Assert.Equal(
            "ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_slug_check\" CHECK (char_length(\"slug\") <= 80 AND \"slug\" ~ '^[a-z-]+$')",
            plan.Steps[2].Sql);
        Assert.False(plan.IsDestructive);
    }

    [Fact]
    public void Plan_RemovedField_DropsColumnAsDestructive()
    {
        var plan = PlanField(Field("views", FieldTypes.Int), null);

        var drop = Single(plan, MigrationStepKinds.DropColumn);
        Assert.Equal("ALTER TABLE \"data\".\"post\" DROP COLUMN \"views\"", drop.Sql);
        Assert.True(drop.Destructive);
        Assert.Equal("resources[Post].fields[1]", drop.Path);
    }

    [Theory]
    [InlineData(FieldTypes.Int, FieldTypes.Long, "bigint")]
    [InlineData(FieldTypes.Int, FieldTypes.Float, "double precision")]
    [InlineData(FieldTypes.Int, FieldTypes.Decimal, "numeric")]
    [InlineData(FieldTypes.Long, FieldTypes.Decimal, "numeric")]
    [InlineData(FieldTypes.Float, FieldTypes.Decimal, "numeric")]
    [InlineData(FieldTypes.Date, FieldTypes.DateTime, "timestamptz")]
    [InlineData(FieldTypes.Int, FieldTypes.String, "text")]
    [InlineData(FieldTypes.Json, FieldTypes.String, "text")]
    [InlineData(FieldTypes.Boolean, FieldTypes.String, "text")]
    public void Plan_WideningTypeChange_IsNotDestructive(string from, string to, string sqlType)
    {
        var plan = PlanField(Field("value", from), Field("value", to));

        var alter = Single(plan, MigrationStepKinds.AlterColumnType);
        Assert.False(alter.Destructive);
        Assert.Equal($"ALTER TABLE \"data\".\"post\" ALTER COLUMN \"value\" TYPE {sqlType} USING \"value\"::{sqlType}", alter.Sql);
    }

    [Theory]
    [InlineData(FieldTypes.Long, FieldTypes.Int)]
    [InlineData(FieldTypes.Float, FieldTypes.Int)]
    [InlineData(FieldTypes.Long, FieldTypes.Float)]
    [InlineData(FieldTypes.String, FieldTypes.Int)]
    [InlineData(FieldTypes.DateTime, FieldTypes.Date)]
    [InlineData(FieldTypes.String, FieldTypes.Json)]
    [InlineData(FieldTypes.Decimal, FieldTypes.Float)]
    public void Plan_NarrowingTypeChange_IsDestructive(string from, string to)
    {
        var plan = PlanField(Field("value", from), Field("value", to));

        Assert.True(Single(plan, MigrationStepKinds.AlterColumnType).Destructive);
    }

    [Theory]
    [InlineData(10, 2, 12, 2, false)]
    [InlineData(10, 2, 12, 4, false)]
    [InlineData(12, 2, 10, 2, true)]
    [InlineData(12, 2, 12, 0, true)]
    [InlineData(12, 2, 12, 4, true)]
    public void Plan_DecimalPrecisionChange_IsDestructiveOnlyWhenNarrowing(int fromPrecision, int fromScale, int toPrecision, int toScale, bool destructive)
    {
        var plan = PlanField(
            Field("amount", FieldTypes.Decimal) with { Precision = fromPrecision, Scale = fromScale },
            Field("amount", FieldTypes.Decimal) with { Precision = toPrecision, Scale = toScale });

        Assert.Equal(destructive, Single(plan, MigrationStepKinds.AlterColumnType).Destructive);
    }

    [Fact]
    public void Plan_IntToSmallDecimal_IsDestructive()
    {
        var plan = PlanField(Field("value", FieldTypes.Int), Field("value", FieldTypes.Decimal) with { Precision = 6, Scale = 2 });

        Assert.True(Single(plan, MigrationStepKinds.AlterColumnType).Destructive);
    }

    [Fact]
    public void Plan_TypeChange_DropsCheckAndDefaultBeforeAndRestoresThemAfter()
    {
        var plan = PlanField(
            Field("views", FieldTypes.Int) with { Min = 0, Default = Json("0") },
            Field("views", FieldTypes.Long) with { Min = 0, Default = Json("0") });

        Assert.Equal(
            [
                MigrationStepKinds.DropCheck, MigrationStepKinds.DropDefault, MigrationStepKinds.AlterColumnType,
                MigrationStepKinds.SetDefault, MigrationStepKinds.AddCheck,
            ],
            Kinds(plan));
        Assert.False(plan.IsDestructive);
        Assert.Equal("ALTER TABLE \"data\".\"post\" ALTER COLUMN \"views\" SET DEFAULT 0", plan.Steps[3].Sql);
    }

    [Fact]
    public void Plan_RequiredOnAndOff_SetsAndDropsNotNull()
    {
        var on = PlanField(Field("views", FieldTypes.Int), Field("views", FieldTypes.Int) with { Required = true });
        var off = PlanField(Field("views", FieldTypes.Int) with { Required = true }, Field("views", FieldTypes.Int));

        Assert.Equal("ALTER TABLE \"data\".\"post\" ALTER COLUMN \"views\" SET NOT NULL", Single(on, MigrationStepKinds.SetNotNull).Sql);
        Assert.Equal("ALTER TABLE \"data\".\"post\" ALTER COLUMN \"views\" DROP NOT NULL", Single(off, MigrationStepKinds.DropNotNull).Sql);
        Assert.False(on.IsDestructive || off.IsDestructive);
    }

    [Fact]
    public void Plan_UniqueOnAndOff_AddsAndDropsNamedConstraint()
    {
        var on = PlanField(Field("slug", FieldTypes.String), Field("slug", FieldTypes.String) with { Unique = true });
        var off = PlanField(Field("slug", FieldTypes.String) with { Unique = true }, Field("slug", FieldTypes.String));

        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_slug_key\" UNIQUE (\"slug\")", Single(on, MigrationStepKinds.AddUnique).Sql);
        Assert.Equal("ALTER TABLE \"data\".\"post\" DROP CONSTRAINT \"post_slug_key\"", Single(off, MigrationStepKinds.DropUnique).Sql);
    }

    [Fact]
    public void Plan_DefaultChangedAndRemoved_SetsAndDropsDefault()
    {
        var changed = PlanField(Field("views", FieldTypes.Int) with { Default = Json("0") }, Field("views", FieldTypes.Int) with { Default = Json("5") });
        var removed = PlanField(Field("views", FieldTypes.Int) with { Default = Json("0") }, Field("views", FieldTypes.Int));

        Assert.Equal("ALTER TABLE \"data\".\"post\" ALTER COLUMN \"views\" SET DEFAULT 5", Single(changed, MigrationStepKinds.SetDefault).Sql);
        Assert.Equal("ALTER TABLE \"data\".\"post\" ALTER COLUMN \"views\" DROP DEFAULT", Single(removed, MigrationStepKinds.DropDefault).Sql);
        Assert.Single(changed.Steps);
        Assert.Single(removed.Steps);
    }

    [Theory]
    [InlineData(32, 64, false)]
    [InlineData(64, 32, true)]
    public void Plan_MaxLengthChange_ReplacesCheckAndIsDestructiveWhenShorter(int from, int to, bool destructive)
    {
        var plan = PlanField(Field("name", FieldTypes.String) with { MaxLength = from }, Field("name", FieldTypes.String) with { MaxLength = to });

        Assert.Equal([MigrationStepKinds.DropCheck, MigrationStepKinds.AddCheck], Kinds(plan));
        Assert.Equal("ALTER TABLE \"data\".\"post\" DROP CONSTRAINT \"post_name_check\"", plan.Steps[0].Sql);
        Assert.Equal($"ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_name_check\" CHECK (char_length(\"name\") <= {to})", plan.Steps[1].Sql);
        Assert.Equal(destructive, plan.IsDestructive);
    }

    [Fact]
    public void Plan_EnumValueAdded_IsNotDestructive()
    {
        var plan = PlanField(
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT"] },
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT", "PAID"] });

        var check = Single(plan, MigrationStepKinds.AddCheck);
        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_status_check\" CHECK (\"status\" IN ('DRAFT', 'SENT', 'PAID'))", check.Sql);
        Assert.False(plan.IsDestructive);
    }

    [Fact]
    public void Plan_EnumValueRemoved_IsDestructive()
    {
        var plan = PlanField(
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT"] },
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT"] });

        Assert.True(Single(plan, MigrationStepKinds.AddCheck).Destructive);
    }

    [Fact]
    public void Plan_MinChanged_ReplacesCheckWithoutBeingDestructive()
    {
        var plan = PlanField(Field("views", FieldTypes.Int) with { Min = 0 }, Field("views", FieldTypes.Int) with { Min = 1, Max = 10.5m });

        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_views_check\" CHECK (\"views\" >= 1 AND \"views\" <= 10.5)",
            Single(plan, MigrationStepKinds.AddCheck).Sql);
        Assert.False(plan.IsDestructive);
    }

    [Fact]
    public void Plan_StringDefaultWithQuote_DoublesTheQuote()
    {
        var plan = PlanField(null, Field("note", FieldTypes.String) with { Default = Json("\"it's'); DROP TABLE x; --\"") });

        Assert.Equal(
            "ALTER TABLE \"data\".\"post\" ADD COLUMN \"note\" text DEFAULT 'it''s''); DROP TABLE x; --'",
            Single(plan, MigrationStepKinds.AddColumn).Sql);
    }

    [Fact]
    public void Plan_StringDefaultWithBackslash_UsesEscapeString()
    {
        var plan = PlanField(null, Field("note", FieldTypes.String) with { Default = Json("\"a\\\\' b\"") });

        Assert.Equal("ALTER TABLE \"data\".\"post\" ADD COLUMN \"note\" text DEFAULT E'a\\\\'' b'", Single(plan, MigrationStepKinds.AddColumn).Sql);
    }

    [Fact]
    public void Plan_JsonAndDateDefaults_AreCastLiterals()
    {
        var json = PlanField(null, Field("meta", FieldTypes.Json) with { Default = Json("{\"a\": \"it's\"}") });
        var date = PlanField(null, Field("day", FieldTypes.Date) with { Default = Json("\"2024-01-31\"") });
        var flag = PlanField(null, Field("done", FieldTypes.Boolean) with { Default = Json("false") });

        Assert.EndsWith("\"meta\" jsonb DEFAULT '{\"a\": \"it''s\"}'::jsonb", Single(json, MigrationStepKinds.AddColumn).Sql, StringComparison.Ordinal);
        Assert.EndsWith("\"day\" date DEFAULT '2024-01-31'::date", Single(date, MigrationStepKinds.AddColumn).Sql, StringComparison.Ordinal);
        Assert.EndsWith("\"done\" boolean DEFAULT false", Single(flag, MigrationStepKinds.AddColumn).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LongDefaultAsString_IsANumber()
    {
        var plan = PlanField(null, Field("big", FieldTypes.Long) with { Default = Json("\"9007199254740993\"") });

        Assert.EndsWith("\"big\" bigint DEFAULT 9007199254740993", Single(plan, MigrationStepKinds.AddColumn).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NumericDefaultThatIsNotANumber_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => PlanField(null, Field("big", FieldTypes.Long) with { Default = Json("\"1; DROP TABLE x\"") }));
    }

    [Fact]
    public void Plan_PatternWithBackslashes_IsEscaped()
    {
        var plan = PlanField(null, Field("code", FieldTypes.String) with { Pattern = @"^\d{3}'$" });

        Assert.Equal(
            "ALTER TABLE \"data\".\"post\" ADD CONSTRAINT \"post_code_check\" CHECK (\"code\" ~ E'^\\\\d{3}''$')",
            Single(plan, MigrationStepKinds.AddCheck).Sql);
    }
}
