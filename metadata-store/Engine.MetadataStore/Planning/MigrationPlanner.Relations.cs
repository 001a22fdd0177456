using Engine.Metadata.Naming;

namespace Engine.MetadataStore.Planning;

public static partial class MigrationPlanner
{
    private static void PlanForeignKeys(TableSpec old, TableSpec table, Ddl ddl, PlanWriter plan)
    {
        var wanted = table.ForeignKeys.ToDictionary(k => k.Column, StringComparer.Ordinal);
        var existing = old.ForeignKeys.ToDictionary(k => k.Column, StringComparer.Ordinal);
        foreach (var key in old.ForeignKeys)
        {
            // A dropped column takes its foreign key with it.
            var columnKept = table.Column(key.Column) is not null;
            if (columnKept && (!wanted.TryGetValue(key.Column, out var next) || !SameReference(key, next)))
            {
                plan.Add(PlanPhase.DropForeignKeys, DropForeignKeyStep(table.Name, key, ddl));
            }
        }

        foreach (var key in table.ForeignKeys)
        {
            if (!existing.TryGetValue(key.Column, out var previous) || !SameReference(previous, key))
            {
                plan.Add(PlanPhase.AddForeignKeys, AddForeignKeyStep(table.Name, key, ddl));
            }
        }
    }

    private static bool SameReference(ForeignKeySpec a, ForeignKeySpec b) => a.TargetTable == b.TargetTable && a.OnDelete == b.OnDelete;

    private static MigrationStep AddForeignKeyStep(string table, ForeignKeySpec key, Ddl ddl) => new(
        MigrationStepKinds.AddForeignKey, table, key.Column,
        $"Make {table}.{key.Column} reference {key.TargetTable}.id (ON DELETE {Ddl.OnDeleteSql(key.OnDelete)}).",
        ddl.AddForeignKey(table, key), false, key.Path);

    private static MigrationStep DropForeignKeyStep(string table, ForeignKeySpec key, Ddl ddl) => new(
        MigrationStepKinds.DropForeignKey, table, key.Column, $"Remove the foreign key of {table}.{key.Column} to {key.TargetTable}.",
        ddl.DropConstraint(table, ConstraintNames.ForeignKey(table, key.Column)), false, key.Path);
}
