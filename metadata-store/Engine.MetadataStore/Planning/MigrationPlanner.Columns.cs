using Engine.Metadata.Naming;

namespace Engine.MetadataStore.Planning;

public static partial class MigrationPlanner
{
    // Columns are matched by name, not by field: a field whose storage moves (a scalar becoming a relation) is
    // one column dropped and another added, while two fields sharing a column name keep the data.
    private static void PlanColumns(TableSpec old, TableSpec table, Ddl ddl, PlanWriter plan)
    {
        foreach (var column in old.Columns)
        {
            if (table.Column(column.Name) is null)
            {
                plan.Add(PlanPhase.DropColumns, new MigrationStep(
                    MigrationStepKinds.DropColumn, table.Name, column.Name,
                    $"Drop column {table.Name}.{column.Name} (field {column.Field.Name}), with its values.",
                    ddl.DropColumn(table.Name, column.Name), true, column.Path));
            }
        }

        foreach (var column in table.Columns)
        {
            if (old.Column(column.Name) is { } existing)
            {
                PlanColumnChange(table.Name, existing, column, ddl, plan);
            }
            else
            {
                PlanAddedColumn(table.Name, column, ddl, plan);
            }
        }
    }

    private static void PlanAddedColumn(string table, ColumnSpec column, Ddl ddl, PlanWriter plan)
    {
        plan.Add(PlanPhase.AddColumns, new MigrationStep(
            MigrationStepKinds.AddColumn, table, column.Name,
            $"Add column {table}.{column.Name} ({column.SqlType}{(column.NotNull ? ", required" : "")}) for the field {column.Field.Name}.",
            ddl.AddColumn(table, column), false, column.Path));
        if (column.Unique)
        {
            plan.Add(PlanPhase.AddConstraints, AddUniqueStep(table, column, ddl));
        }

        if (column.Check is { } check)
        {
            plan.Add(PlanPhase.AddConstraints, AddCheckStep(table, column, check, false, ddl));
        }
    }

    private static void PlanColumnChange(string table, ColumnSpec old, ColumnSpec column, Ddl ddl, PlanWriter plan)
    {
        var typeChanged = old.SqlType != column.SqlType;

        // A type change re-checks constraints and casts the default under the new type, so both are dropped
        // before it and put back after.
        if ((typeChanged || old.Check != column.Check) && old.Check is not null)
        {
            plan.Add(PlanPhase.DropConstraints, new MigrationStep(
                MigrationStepKinds.DropCheck, table, column.Name, $"Remove the value check of {table}.{column.Name}.",
                ddl.DropConstraint(table, ConstraintNames.Check(table, column.Name)), false, column.Path));
        }

        if (typeChanged && old.Default is not null)
        {
            plan.Add(PlanPhase.DropConstraints, DropDefaultStep(table, column, ddl));
        }

        if (old.Unique && !column.Unique)
        {
            plan.Add(PlanPhase.DropConstraints, new MigrationStep(
                MigrationStepKinds.DropUnique, table, column.Name, $"Allow duplicate values in {table}.{column.Name}.",
                ddl.DropConstraint(table, ConstraintNames.Unique(table, column.Name)), false, column.Path));
        }

        if (typeChanged)
        {
            var widening = ColumnTypes.IsWidening(old.Field, column.Field);
            plan.Add(PlanPhase.AlterTypes, new MigrationStep(
                MigrationStepKinds.AlterColumnType, table, column.Name,
                $"Change the type of {table}.{column.Name} from {old.SqlType} to {column.SqlType}"
                + (widening ? "." : "; values that do not convert exactly are changed or rejected."),
                ddl.AlterColumnType(table, column.Name, column.SqlType), !widening, column.Path));
        }

        if (column.Default is { } literal && (typeChanged || old.Default != literal))
        {
            plan.Add(PlanPhase.AlterColumns, new MigrationStep(
                MigrationStepKinds.SetDefault, table, column.Name, $"Set the default of {table}.{column.Name} to {literal}.",
                ddl.SetDefault(table, column.Name, literal), false, column.Path));
        }
        else if (column.Default is null && old.Default is not null && !typeChanged)
        {
            plan.Add(PlanPhase.AlterColumns, DropDefaultStep(table, column, ddl));
        }

        if (old.NotNull != column.NotNull)
        {
            plan.Add(PlanPhase.AlterColumns, column.NotNull
                ? new MigrationStep(
                    MigrationStepKinds.SetNotNull, table, column.Name, $"Make {table}.{column.Name} required (NOT NULL).",
                    ddl.SetNotNull(table, column.Name), false, column.Path)
                : new MigrationStep(
                    MigrationStepKinds.DropNotNull, table, column.Name, $"Make {table}.{column.Name} optional.",
                    ddl.DropNotNull(table, column.Name), false, column.Path));
        }

        if (!old.Unique && column.Unique)
        {
            plan.Add(PlanPhase.AddConstraints, AddUniqueStep(table, column, ddl));
        }

        if ((typeChanged || old.Check != column.Check) && column.Check is { } check)
        {
            plan.Add(PlanPhase.AddConstraints, AddCheckStep(table, column, check, CheckConstraints.Narrows(old.Field, column.Field), ddl));
        }
    }

    private static MigrationStep DropDefaultStep(string table, ColumnSpec column, Ddl ddl) => new(
        MigrationStepKinds.DropDefault, table, column.Name, $"Remove the default of {table}.{column.Name}.",
        ddl.DropDefault(table, column.Name), false, column.Path);

    private static MigrationStep AddUniqueStep(string table, ColumnSpec column, Ddl ddl) => new(
        MigrationStepKinds.AddUnique, table, column.Name, $"Make {table}.{column.Name} unique.",
        ddl.AddUnique(table, column.Name), false, column.Path);

    private static MigrationStep AddCheckStep(string table, ColumnSpec column, string check, bool narrows, Ddl ddl) => new(
        MigrationStepKinds.AddCheck, table, column.Name,
        $"Check the values of {table}.{column.Name}: {check}" + (narrows ? "; existing values outside the new rule are rejected." : "."),
        ddl.AddCheck(table, column.Name, check), narrows, column.Path);
}
