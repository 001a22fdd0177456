namespace Engine.MetadataStore.Planning;

public static partial class MigrationPlanner
{
    // An index's name encodes its columns and uniqueness, so indexes are matched by name alone.
    private static void PlanIndexes(TableSpec old, TableSpec table, Ddl ddl, PlanWriter plan)
    {
        var wanted = table.Indexes.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var existing = old.Indexes.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var index in old.Indexes)
        {
            // Dropping a column drops the indexes over it.
            if (!wanted.Contains(index.Name) && !index.Columns.Any(c => old.Column(c) is not null && table.Column(c) is null))
            {
                plan.Add(PlanPhase.DropIndexes, new MigrationStep(
                    MigrationStepKinds.DropIndex, table.Name, index.Columns.Count == 1 ? index.Columns[0] : null,
                    $"Drop index {index.Name} of {table.Name}.", ddl.DropIndex(index.Name), false, index.Path));
            }
        }

        foreach (var index in table.Indexes)
        {
            if (!existing.Contains(index.Name))
            {
                plan.Add(PlanPhase.CreateIndexes, CreateIndexStep(table.Name, index, ddl));
            }
        }
    }
}
