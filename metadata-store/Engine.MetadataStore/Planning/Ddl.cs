using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.MetadataStore.Planning;

/// <summary>
/// The text of each DDL statement the planner emits; identifiers quoted, literals rendered by <see cref="SqlText"/>.
/// <paramref name="idempotent"/> (CockroachDB, whose steps run one by one outside a transaction and are replayed after
/// a crash) adds <c>IF [NOT] EXISTS</c> wherever the statement has it; the rest (constraints, the trigger) fail as
/// duplicates when replayed, which the replay treats as done.
/// </summary>
internal sealed class Ddl(string dataSchema, bool idempotent = false)
{
    /// <summary>The name of the outbox trigger on every resource table.</summary>
    public const string OutboxTrigger = "engine_outbox";

    public string CreateSchema() => $"CREATE SCHEMA IF NOT EXISTS {SqlText.Identifier(dataSchema)}";

    public string CreateTable(TableSpec table)
    {
        var parts = new List<string>
        {
            $"{SqlText.Identifier("id")} uuid NOT NULL",
            $"{SqlText.Identifier("created_at")} timestamptz NOT NULL DEFAULT now()",
            $"{SqlText.Identifier("updated_at")} timestamptz NOT NULL DEFAULT now()",
        };
        parts.AddRange(table.Columns.Select(ColumnDefinition));
        parts.Add($"CONSTRAINT {SqlText.Identifier(ConstraintNames.PrimaryKey(table.Name))} PRIMARY KEY ({SqlText.Identifier("id")})");
        foreach (var column in table.Columns)
        {
            if (column.Unique)
            {
                parts.Add(UniqueConstraint(table.Name, column.Name));
            }

            if (column.Check is { } check)
            {
                parts.Add(CheckConstraint(table.Name, column.Name, check));
            }
        }

        return $"CREATE TABLE {IfNotExists}{Table(table.Name)} ({string.Join(", ", parts)})";
    }

    public string DropTable(string table) => $"DROP TABLE {IfExists}{Table(table)}";

    /// <summary>
    /// The trigger that writes every change of the table's rows to <c>engine_meta.outbox</c> in the writing transaction
    /// (function from the store's migration <c>0002_outbox.sql</c>); dropping the table drops it too.
    /// </summary>
    public string CreateOutboxTrigger(string table, string resource) =>
        $"CREATE TRIGGER {SqlText.Identifier(OutboxTrigger)} AFTER INSERT OR UPDATE OR DELETE ON {Table(table)} "
        + $"FOR EACH ROW EXECUTE FUNCTION {SqlText.Qualified("engine_meta", "record_changed")}({SqlText.String(resource)})";

    public string AddColumn(string table, ColumnSpec column) => $"{AlterTable(table)} ADD COLUMN {IfNotExists}{ColumnDefinition(column)}";

    public string DropColumn(string table, string column) => $"{AlterTable(table)} DROP COLUMN {IfExists}{SqlText.Identifier(column)}";

    public string AlterColumnType(string table, string column, string sqlType)
    {
        var quoted = SqlText.Identifier(column);
        return $"{AlterColumn(table, column)} TYPE {sqlType} USING {quoted}::{sqlType}";
    }

    public string SetNotNull(string table, string column) => $"{AlterColumn(table, column)} SET NOT NULL";

    public string DropNotNull(string table, string column) => $"{AlterColumn(table, column)} DROP NOT NULL";

    public string SetDefault(string table, string column, string literal) => $"{AlterColumn(table, column)} SET DEFAULT {literal}";

    public string DropDefault(string table, string column) => $"{AlterColumn(table, column)} DROP DEFAULT";

    public string AddCheck(string table, string column, string check) => $"{AlterTable(table)} ADD {CheckConstraint(table, column, check)}";

    public string AddUnique(string table, string column) => $"{AlterTable(table)} ADD {UniqueConstraint(table, column)}";

    public string AddForeignKey(string table, ForeignKeySpec key) =>
        $"{AlterTable(table)} ADD CONSTRAINT {SqlText.Identifier(ConstraintNames.ForeignKey(table, key.Column))} "
        + $"FOREIGN KEY ({SqlText.Identifier(key.Column)}) REFERENCES {Table(key.TargetTable)} ({SqlText.Identifier("id")}) ON DELETE {OnDeleteSql(key.OnDelete)}";

    public string DropConstraint(string table, string constraint) =>
        $"{AlterTable(table)} DROP CONSTRAINT {IfExists}{SqlText.Identifier(constraint)}";

    public string CreateIndex(string table, IndexSpec index) =>
        $"CREATE {(index.Unique ? "UNIQUE INDEX" : "INDEX")} {IfNotExists}{SqlText.Identifier(index.Name)} ON {Table(table)} "
        + $"({string.Join(", ", index.Columns.Select(SqlText.Identifier))})";

    public string DropIndex(string index) => $"DROP INDEX {IfExists}{SqlText.Qualified(dataSchema, index)}";

    public string CreateJoinTable(JoinTableSpec join)
    {
        var first = SqlText.Identifier(join.FirstColumn);
        var second = SqlText.Identifier(join.SecondColumn);
        return $"CREATE TABLE {IfNotExists}{Table(join.Name)} ({first} uuid NOT NULL, {second} uuid NOT NULL, "
            + $"CONSTRAINT {SqlText.Identifier(ConstraintNames.PrimaryKey(join.Name))} PRIMARY KEY ({first}, {second}), "
            + $"{JoinForeignKey(join.Name, join.FirstColumn, join.FirstTable)}, "
            + $"{JoinForeignKey(join.Name, join.SecondColumn, join.SecondTable)})";
    }

    public static string OnDeleteSql(OnDeleteAction action) => action switch
    {
        OnDeleteAction.Restrict => "RESTRICT",
        OnDeleteAction.Cascade => "CASCADE",
        OnDeleteAction.SetNull => "SET NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private string JoinForeignKey(string joinTable, string column, string targetTable) =>
        $"CONSTRAINT {SqlText.Identifier(ConstraintNames.ForeignKey(joinTable, column))} FOREIGN KEY ({SqlText.Identifier(column)}) "
        + $"REFERENCES {Table(targetTable)} ({SqlText.Identifier("id")}) ON DELETE CASCADE";

    private static string ColumnDefinition(ColumnSpec column)
    {
        var definition = $"{SqlText.Identifier(column.Name)} {column.SqlType}";
        if (column.NotNull)
        {
            definition += " NOT NULL";
        }

        if (column.Default is { } literal)
        {
            definition += " DEFAULT " + literal;
        }

        return definition;
    }

    private static string UniqueConstraint(string table, string column) =>
        $"CONSTRAINT {SqlText.Identifier(ConstraintNames.Unique(table, column))} UNIQUE ({SqlText.Identifier(column)})";

    private static string CheckConstraint(string table, string column, string check) =>
        $"CONSTRAINT {SqlText.Identifier(ConstraintNames.Check(table, column))} CHECK ({check})";

    private string IfNotExists => idempotent ? "IF NOT EXISTS " : "";

    private string IfExists => idempotent ? "IF EXISTS " : "";

    private string Table(string table) => SqlText.Qualified(dataSchema, table);

    private string AlterTable(string table) => $"ALTER TABLE {Table(table)}";

    private string AlterColumn(string table, string column) => $"{AlterTable(table)} ALTER COLUMN {SqlText.Identifier(column)}";
}
