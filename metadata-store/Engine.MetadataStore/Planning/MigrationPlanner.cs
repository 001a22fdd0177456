using Engine.Dialects;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.MetadataStore.Planning;

/// <summary>
/// The migrator's planner: compares the storage two metadata versions need and returns the DDL that turns one into
/// the other. Pure: it reads no database, so a plan can be shown (dry run) before anything runs.
/// </summary>
public static partial class MigrationPlanner
{
    /// <summary>The steps from <paramref name="from"/> (null: nothing exists yet) to <paramref name="to"/>, in run order.</summary>
    public static MigrationPlan Plan(SchemaModel? from, SchemaModel to) => Plan(from, to, SqlDialect.Postgres);

    /// <summary>
    /// The steps in <paramref name="dialect"/>'s DDL: for CockroachDB each statement is idempotent where its syntax
    /// allows (<c>IF [NOT] EXISTS</c>), because the steps run one by one and are replayed after a crash.
    /// </summary>
    public static MigrationPlan Plan(SchemaModel? from, SchemaModel to, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(to);
        var schema = to.DataSchema;
        var before = PhysicalSchema.Of(from, schema);
        var after = PhysicalSchema.Of(to, schema);
        var ddl = new Ddl(schema, dialect == SqlDialect.Cockroach);
        var plan = new PlanWriter();

        if (before.Tables.Count == 0 && after.Tables.Count > 0)
        {
            plan.Add(PlanPhase.CreateSchema, new MigrationStep(
                MigrationStepKinds.CreateSchema, schema, null, $"Create the schema {schema} for the data tables, unless it exists.",
                ddl.CreateSchema(), false, null));
        }

        PlanDroppedTables(before, after, ddl, plan);
        foreach (var table in after.Tables)
        {
            if (before.TablesByName.TryGetValue(table.Name, out var old))
            {
                PlanColumns(old, table, ddl, plan);
                PlanForeignKeys(old, table, ddl, plan);
                PlanIndexes(old, table, ddl, plan);
            }
            else
            {
                PlanCreatedTable(table, ddl, plan);
            }
        }

        PlanJoinTables(before, after, ddl, plan);
        return plan.Build();
    }

    private static void PlanDroppedTables(PhysicalSchema before, PhysicalSchema after, Ddl ddl, PlanWriter plan)
    {
        var dropped = before.Tables.Where(t => !after.TablesByName.ContainsKey(t.Name)).ToArray();
        var droppedNames = dropped.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var table in dropped)
        {
            // Dropped tables that point at each other could not be dropped in any order; their keys go first.
            foreach (var key in table.ForeignKeys.Where(k => k.TargetTable != table.Name && droppedNames.Contains(k.TargetTable)))
            {
                plan.Add(PlanPhase.DropForeignKeys, DropForeignKeyStep(table.Name, key, ddl));
            }

            plan.Add(PlanPhase.DropTables, new MigrationStep(
                MigrationStepKinds.DropTable, table.Name, null,
                $"Drop table {table.Name} of the removed resource {table.Resource.Name}, with all its rows.",
                ddl.DropTable(table.Name), true, table.Path));
        }
    }

    private static void PlanCreatedTable(TableSpec table, Ddl ddl, PlanWriter plan)
    {
        plan.Add(PlanPhase.CreateTables, new MigrationStep(
            MigrationStepKinds.CreateTable, table.Name, null, $"Create table {table.Name} for the resource {table.Resource.Name}.",
            ddl.CreateTable(table), false, table.Path));
        plan.Add(PlanPhase.CreateTables, new MigrationStep(
            MigrationStepKinds.CreateTrigger, table.Name, null,
            $"Write an outbox event for every change to a record of {table.Resource.Name} (trigger {Ddl.OutboxTrigger} on {table.Name}).",
            ddl.CreateOutboxTrigger(table.Name, table.Resource.Name), false, table.Path));
        foreach (var key in table.ForeignKeys)
        {
            plan.Add(PlanPhase.AddForeignKeys, AddForeignKeyStep(table.Name, key, ddl));
        }

        foreach (var index in table.Indexes)
        {
            plan.Add(PlanPhase.CreateIndexes, CreateIndexStep(table.Name, index, ddl));
        }
    }

    private static void PlanJoinTables(PhysicalSchema before, PhysicalSchema after, Ddl ddl, PlanWriter plan)
    {
        foreach (var join in before.JoinTables)
        {
            if (!after.JoinTablesByName.TryGetValue(join.Name, out var kept) || !kept.SameShape(join))
            {
                plan.Add(PlanPhase.DropJoinTables, new MigrationStep(
                    MigrationStepKinds.DropJoinTable, join.Name, null,
                    $"Drop join table {join.Name} between {join.FirstTable} and {join.SecondTable}, with all its links.",
                    ddl.DropTable(join.Name), true, join.Path));
            }
        }

        foreach (var join in after.JoinTables)
        {
            if (before.JoinTablesByName.TryGetValue(join.Name, out var existing) && existing.SameShape(join))
            {
                continue;
            }

            plan.Add(PlanPhase.CreateJoinTables, new MigrationStep(
                MigrationStepKinds.CreateJoinTable, join.Name, null,
                $"Create join table {join.Name} linking {join.FirstTable} and {join.SecondTable}.",
                ddl.CreateJoinTable(join), false, join.Path));

            // The primary key serves lookups by its first column; lookups from the other side need their own index.
            var reverse = ConstraintNames.Index(join.Name, [join.SecondColumn], unique: false);
            plan.Add(PlanPhase.CreateIndexes, CreateIndexStep(join.Name, new IndexSpec(reverse, [join.SecondColumn], false, join.Path), ddl));
        }
    }

    private static MigrationStep CreateIndexStep(string table, IndexSpec index, Ddl ddl) => new(
        MigrationStepKinds.CreateIndex, table, index.Columns.Count == 1 ? index.Columns[0] : null,
        $"Create {(index.Unique ? "unique index" : "index")} {index.Name} on {table} ({string.Join(", ", index.Columns)}).",
        ddl.CreateIndex(table, index), false, index.Path);
}
