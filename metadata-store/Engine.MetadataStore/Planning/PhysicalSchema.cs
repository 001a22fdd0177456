using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.MetadataStore.Planning;

/// <summary>A declared column as the database sees it; <see cref="Field"/> keeps the metadata for type decisions.</summary>
internal sealed record ColumnSpec(FieldModel Field, string Name, string SqlType, bool NotNull, string? Default, string? Check, bool Unique, string Path);

/// <summary>A to-one relation's foreign key.</summary>
internal sealed record ForeignKeySpec(string Column, string TargetTable, OnDeleteAction OnDelete, string Path);

/// <summary>An index: one per to-one column (PostgreSQL makes none for foreign keys) and one per declared index.</summary>
internal sealed record IndexSpec(string Name, IReadOnlyList<string> Columns, bool Unique, string Path);

/// <summary>A many-to-many join table; columns are kept in ordinal order so both sides of a relation describe it alike.</summary>
internal sealed record JoinTableSpec(string Name, string FirstColumn, string FirstTable, string SecondColumn, string SecondTable, string Path)
{
    /// <summary>True when both describe the same columns pointing at the same tables (paths aside).</summary>
    public bool SameShape(JoinTableSpec other) =>
        FirstColumn == other.FirstColumn && FirstTable == other.FirstTable
        && SecondColumn == other.SecondColumn && SecondTable == other.SecondTable;
}

/// <summary>The storage of one resource: its table, declared columns, foreign keys and indexes.</summary>
internal sealed record TableSpec(
    ResourceModel Resource,
    string Path,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<ForeignKeySpec> ForeignKeys,
    IReadOnlyList<IndexSpec> Indexes)
{
    public string Name => Resource.Table;

    public ColumnSpec? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// The tables, columns, constraints and join tables a <see cref="SchemaModel"/> needs: the planner diffs two of
/// these rather than the metadata, so every storage decision is made in one place.
/// </summary>
internal sealed class PhysicalSchema
{
    private PhysicalSchema(string dataSchema, IReadOnlyList<TableSpec> tables, IReadOnlyList<JoinTableSpec> joinTables)
    {
        DataSchema = dataSchema;
        Tables = tables;
        TablesByName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        JoinTables = joinTables;
        JoinTablesByName = joinTables.ToDictionary(j => j.Name, StringComparer.Ordinal);
    }

    public string DataSchema { get; }

    public IReadOnlyList<TableSpec> Tables { get; }

    public IReadOnlyDictionary<string, TableSpec> TablesByName { get; }

    public IReadOnlyList<JoinTableSpec> JoinTables { get; }

    public IReadOnlyDictionary<string, JoinTableSpec> JoinTablesByName { get; }

    /// <summary>The storage the model needs; an absent model needs nothing.</summary>
    public static PhysicalSchema Of(SchemaModel? model, string dataSchema)
    {
        if (model is null)
        {
            return new PhysicalSchema(dataSchema, [], []);
        }

        var tables = new List<TableSpec>(model.Resources.Count);
        var joinTables = new Dictionary<string, JoinTableSpec>(StringComparer.Ordinal);
        foreach (var resource in model.Resources)
        {
            tables.Add(Table(resource));
            foreach (var join in JoinTablesOf(resource, model))
            {
                // Both sides of a two-sided many-to-many name the same table; the first one seen stands for both.
                joinTables.TryAdd(join.Name, join);
            }
        }

        return new PhysicalSchema(dataSchema, tables, joinTables.Values.ToArray());
    }

    /// <summary>The metadata path of a resource: <c>resources[Invoice]</c>.</summary>
    public static string ResourcePath(ResourceModel resource) => $"resources[{resource.Name}]";

    private static TableSpec Table(ResourceModel resource)
    {
        var resourcePath = ResourcePath(resource);
        var columns = new List<ColumnSpec>();
        var foreignKeys = new List<ForeignKeySpec>();
        var indexes = new Dictionary<string, IndexSpec>(StringComparer.Ordinal);
        foreach (var (field, path) in DeclaredFields(resource))
        {
            if (field.Column is null)
            {
                continue;
            }

            columns.Add(new ColumnSpec(
                field, field.Column, ColumnTypes.SqlType(field), field.Required, ColumnDefaults.Literal(field),
                CheckConstraints.Expression(field), field.Unique, path));
            if (field is { Kind: FieldKind.ToOne, Relation: { } relation })
            {
                foreignKeys.Add(new ForeignKeySpec(field.Column, NameConventions.ToSnakeCase(relation.Target), relation.OnDelete, path));
                var name = ConstraintNames.Index(resource.Table, [field.Column], unique: false);
                indexes.TryAdd(name, new IndexSpec(name, [field.Column], false, path));
            }
        }

        var declared = resource.Definition.Indexes;
        for (var i = 0; i < declared.Count; i++)
        {
            var indexColumns = declared[i].Fields.Select(f => resource.Field(f)?.Column).OfType<string>().ToArray();
            if (indexColumns.Length == 0)
            {
                continue;
            }

            var name = ConstraintNames.Index(resource.Table, indexColumns, declared[i].Unique);
            indexes.TryAdd(name, new IndexSpec(name, indexColumns, declared[i].Unique, $"{resourcePath}.indexes[{i}]"));
        }

        return new TableSpec(resource, resourcePath, columns, foreignKeys, indexes.Values.ToArray());
    }

    private static IEnumerable<JoinTableSpec> JoinTablesOf(ResourceModel resource, SchemaModel model)
    {
        foreach (var (field, path) in DeclaredFields(resource))
        {
            if (field.Relation is not { Kind: RelationKind.ManyToMany, JoinTable: { } name, JoinSourceColumn: { } source, JoinTargetColumn: { } target } relation)
            {
                continue;
            }

            var sourceTable = resource.Table;
            var targetTable = model.Resource(relation.Target)?.Table ?? NameConventions.ToSnakeCase(relation.Target);
            yield return string.CompareOrdinal(source, target) <= 0
                ? new JoinTableSpec(name, source, sourceTable, target, targetTable, path)
                : new JoinTableSpec(name, target, targetTable, source, sourceTable, path);
        }
    }

    /// <summary>The declared (non-system) fields with their paths, <c>resources[Invoice].fields[2]</c>.</summary>
    private static IEnumerable<(FieldModel Field, string Path)> DeclaredFields(ResourceModel resource)
    {
        var index = 0;
        foreach (var field in resource.Fields)
        {
            if (field.IsSystem)
            {
                continue;
            }

            yield return (field, $"{ResourcePath(resource)}.fields[{index}]");
            index++;
        }
    }
}
