using Engine.Metadata.Definitions;
using Engine.MetadataStore.Planning;
using static Engine.MetadataStore.Tests.Definitions;
using static Engine.MetadataStore.Tests.Planning.PlanAssertions;

namespace Engine.MetadataStore.Tests.Planning;

public class MigrationPlannerTableTests
{
    private static readonly ResourceDefinition Customer = Resource("Customer", Field("name", FieldTypes.String));

    private static readonly ResourceDefinition Invoice = Resource(
        "Invoice",
        Field("number", FieldTypes.String) with { Required = true, Unique = true, MaxLength = 32 },
        Field("total", FieldTypes.Decimal) with { Required = true, Min = 0, Precision = 12, Scale = 2 },
        Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT"], Default = Json("\"DRAFT\"") },
        ToOne("customer", "Customer") with { Required = true });

    [Fact]
    public void Plan_FromNothing_CreatesSchemaThenTablesWithTriggersThenForeignKeysThenIndexes()
    {
        var plan = MigrationPlanner.Plan(null, Model(Invoice, Customer));

        Assert.Equal(
            [
                MigrationStepKinds.CreateSchema, MigrationStepKinds.CreateTable, MigrationStepKinds.CreateTrigger,
                MigrationStepKinds.CreateTable, MigrationStepKinds.CreateTrigger, MigrationStepKinds.AddForeignKey,
                MigrationStepKinds.CreateIndex,
            ],
            Kinds(plan));
        Assert.False(plan.IsDestructive);
        Assert.Equal("CREATE SCHEMA IF NOT EXISTS \"data\"", plan.Steps[0].Sql);
    }

    [Fact]
    public void Plan_NewResource_CreatesTableWithColumnsAndConstraints()
    {
        var plan = MigrationPlanner.Plan(Model(Customer), Model(Customer, Invoice));

        var create = Single(plan, MigrationStepKinds.CreateTable);
        Assert.Equal(
            "CREATE TABLE \"data\".\"invoice\" (\"id\" uuid NOT NULL, \"created_at\" timestamptz NOT NULL DEFAULT now(), "
            + "\"updated_at\" timestamptz NOT NULL DEFAULT now(), \"number\" text NOT NULL, \"total\" numeric(12,2) NOT NULL, "
            + "\"status\" text DEFAULT 'DRAFT', \"customer_id\" uuid NOT NULL, CONSTRAINT \"invoice_pkey\" PRIMARY KEY (\"id\"), "
            + "CONSTRAINT \"invoice_number_key\" UNIQUE (\"number\"), CONSTRAINT \"invoice_number_check\" CHECK (char_length(\"number\") <= 32), "
            + "CONSTRAINT \"invoice_total_check\" CHECK (\"total\" >= 0), CONSTRAINT \"invoice_status_check\" CHECK (\"status\" IN ('DRAFT', 'SENT')))",
            create.Sql);
        Assert.Equal("invoice", create.Table);
        Assert.Equal("resources[Invoice]", create.Path);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == MigrationStepKinds.CreateSchema);
    }

    [Fact]
    public void Plan_NewResource_CreatesOutboxTriggerRightAfterItsTable()
    {
        var plan = MigrationPlanner.Plan(Model(Customer), Model(Customer, Invoice));

        var trigger = Single(plan, MigrationStepKinds.CreateTrigger);
        Assert.Equal(
            "CREATE TRIGGER \"engine_outbox\" AFTER INSERT OR UPDATE OR DELETE ON \"data\".\"invoice\" "
            + "FOR EACH ROW EXECUTE FUNCTION \"engine_meta\".\"record_changed\"('Invoice')",
            trigger.Sql);
        Assert.Equal("invoice", trigger.Table);
        Assert.Null(trigger.Column);
        Assert.Equal("resources[Invoice]", trigger.Path);
        Assert.False(trigger.Destructive);
        Assert.Equal(plan.Steps.ToList().IndexOf(Single(plan, MigrationStepKinds.CreateTable)) + 1, plan.Steps.ToList().IndexOf(trigger));
    }

    [Fact]
    public void Plan_ResourceNameWithQuoteOrBackslash_TriggerArgumentStaysOneLiteral()
    {
        var plan = MigrationPlanner.Plan(null, Model(Resource("O'Brien\\", Field("name", FieldTypes.String))));

        Assert.EndsWith("record_changed\"(E'O''Brien\\\\')", Single(plan, MigrationStepKinds.CreateTrigger).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ChangedResource_CreatesNoTrigger()
    {
        var plan = MigrationPlanner.Plan(Model(Customer), Model(Resource("Customer", Field("name", FieldTypes.String), Field("email", FieldTypes.String))));

        Assert.Equal([MigrationStepKinds.AddColumn], Kinds(plan));
    }

    [Fact]
    public void Plan_ToOneRelation_AddsForeignKeyAndIndexAfterTables()
    {
        var plan = MigrationPlanner.Plan(Model(), Model(Invoice, Customer));

        var foreignKey = Single(plan, MigrationStepKinds.AddForeignKey);
        Assert.Equal(
            "ALTER TABLE \"data\".\"invoice\" ADD CONSTRAINT \"invoice_customer_id_fkey\" FOREIGN KEY (\"customer_id\") "
            + "REFERENCES \"data\".\"customer\" (\"id\") ON DELETE RESTRICT",
            foreignKey.Sql);
        Assert.Equal("resources[Invoice].fields[3]", foreignKey.Path);
        Assert.Equal(
            "CREATE INDEX \"invoice_customer_id_idx\" ON \"data\".\"invoice\" (\"customer_id\")",
            Single(plan, MigrationStepKinds.CreateIndex).Sql);
        var lastTable = plan.Steps.ToList().FindLastIndex(s => s.Kind == MigrationStepKinds.CreateTable);
        Assert.True(plan.Steps.ToList().IndexOf(foreignKey) > lastTable);
    }

    [Fact]
    public void Plan_RemovedResource_DropsTableAsDestructive()
    {
        var plan = MigrationPlanner.Plan(Model(Customer, Resource("Note", Field("text", FieldTypes.String))), Model(Customer));

        var drop = Single(plan, MigrationStepKinds.DropTable);
        Assert.Equal("DROP TABLE \"data\".\"note\"", drop.Sql);
        Assert.True(drop.Destructive);
        Assert.True(plan.IsDestructive);
        Assert.Single(plan.Steps);
    }

    [Fact]
    public void Plan_RemovedResourcesReferencingEachOther_DropForeignKeysBeforeTables()
    {
        var a = Resource("Alpha", ToOne("beta", "Beta"));
        var b = Resource("Beta", ToOne("alpha", "Alpha"));

        var plan = MigrationPlanner.Plan(Model(a, b, Customer), Model(Customer));

        Assert.Equal(
            [MigrationStepKinds.DropForeignKey, MigrationStepKinds.DropForeignKey, MigrationStepKinds.DropTable, MigrationStepKinds.DropTable],
            Kinds(plan));
        Assert.Equal("ALTER TABLE \"data\".\"alpha\" DROP CONSTRAINT \"alpha_beta_id_fkey\"", plan.Steps[0].Sql);
    }

    [Fact]
    public void Plan_SameModel_IsEmpty()
    {
        var plan = MigrationPlanner.Plan(Model(Invoice, Customer), Model(Invoice, Customer));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_DeclaredIndexes_CreatedAndDroppedByName()
    {
        var plain = Customer with { Indexes = [new IndexDefinition { Fields = ["name"] }] };
        var unique = Customer with { Indexes = [new IndexDefinition { Fields = ["name"], Unique = true }] };

        var add = MigrationPlanner.Plan(Model(Customer), Model(plain));
        var swap = MigrationPlanner.Plan(Model(plain), Model(unique));

        var create = Single(add, MigrationStepKinds.CreateIndex);
        Assert.Equal("CREATE INDEX \"customer_name_idx\" ON \"data\".\"customer\" (\"name\")", create.Sql);
        Assert.Equal("resources[Customer].indexes[0]", create.Path);
        Assert.Equal([MigrationStepKinds.DropIndex, MigrationStepKinds.CreateIndex], Kinds(swap));
        Assert.Equal("DROP INDEX \"data\".\"customer_name_idx\"", swap.Steps[0].Sql);
        Assert.Equal("CREATE UNIQUE INDEX \"customer_name_uidx\" ON \"data\".\"customer\" (\"name\")", swap.Steps[1].Sql);
        Assert.False(swap.IsDestructive);
    }

    [Fact]
    public void Plan_MultiColumnIndexOnSystemField_UsesColumnNames()
    {
        var indexed = Customer with { Indexes = [new IndexDefinition { Fields = ["name", "createdAt"] }] };

        var plan = MigrationPlanner.Plan(Model(Customer), Model(indexed));

        Assert.Equal(
            "CREATE INDEX \"customer_name_created_at_idx\" ON \"data\".\"customer\" (\"name\", \"created_at\")",
            Single(plan, MigrationStepKinds.CreateIndex).Sql);
    }
}
