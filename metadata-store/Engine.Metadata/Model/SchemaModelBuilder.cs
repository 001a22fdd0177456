using Engine.Metadata.Definitions;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Model;

/// <summary>
/// Resolves validated definitions into a <see cref="SchemaModel"/>: table and column names, relation storage
/// (foreign key side, shared join tables), protobuf field numbers and enum value numbers. Callers validate first
/// (MetadataValidator); this class assumes every rule holds.
/// </summary>
public static class SchemaModelBuilder
{
    /// <summary>The default PostgreSQL schema of the data tables.</summary>
    public const string DefaultDataSchema = "data";

    /// <summary>Builds the model of one metadata version.</summary>
    public static SchemaModel Build(long version, IReadOnlyList<ResourceDefinition> definitions, string dataSchema = DefaultDataSchema)
    {
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var resources = definitions.Select(d => BuildResource(d, byName)).ToArray();
        return new SchemaModel(version, dataSchema, resources);
    }

    /// <summary>
    /// Builds one resource; <paramref name="all"/> resolves relation targets (for inverse storage);
    /// <paramref name="removedFields"/> are the fields it once had (the store keeps their numbers);
    /// <paramref name="enumValueNumbers"/> holds, per Enum field name, every value number the store ever gave it.
    /// </summary>
    public static ResourceModel BuildResource(
        ResourceDefinition definition,
        IReadOnlyDictionary<string, ResourceDefinition> all,
        IReadOnlyList<RemovedField>? removedFields = null,
        IReadOnlyDictionary<string, IReadOnlyList<EnumValueNumber>>? enumValueNumbers = null)
    {
        var table = NameConventions.ToSnakeCase(definition.Name);
        var fields = new List<FieldModel>(definition.Fields.Count + 3)
        {
            new() { Name = "id", Kind = FieldKind.Scalar, Scalar = ScalarKind.Id, Column = "id", IsSystem = true, Required = true, Unique = true, Number = 1 },
            new() { Name = "createdAt", Kind = FieldKind.Scalar, Scalar = ScalarKind.DateTime, Column = "created_at", IsSystem = true, Required = true, Number = 2 },
            new() { Name = "updatedAt", Kind = FieldKind.Scalar, Scalar = ScalarKind.DateTime, Column = "updated_at", IsSystem = true, Required = true, Number = 3 },
        };

        var nextNumber = Math.Max(4, definition.Fields.Select(f => f.Number ?? 0).DefaultIfEmpty(0).Max() + 1);
        foreach (var f in definition.Fields)
        {
            var number = f.Number ?? nextNumber++;
            fields.Add(f.Type == FieldTypes.Relation
                ? BuildRelation(definition, table, f, number, all)
                : BuildScalar(f, number, enumValueNumbers?.GetValueOrDefault(f.Name) ?? []));
        }

        var plural = string.IsNullOrEmpty(definition.Plural) ? NameConventions.Pluralize(definition.Name) : definition.Plural;
        return new ResourceModel(definition, plural, table, fields, removedFields);
    }

    /// <summary>Maps a scalar type name of the metadata format to its storage kind.</summary>
    public static ScalarKind ScalarKindOf(string type) => type switch
    {
        FieldTypes.String => ScalarKind.String,
        FieldTypes.Int => ScalarKind.Int,
        FieldTypes.Long => ScalarKind.Long,
        FieldTypes.Float => ScalarKind.Float,
        FieldTypes.Decimal => ScalarKind.Decimal,
        FieldTypes.Boolean => ScalarKind.Boolean,
        FieldTypes.DateTime => ScalarKind.DateTime,
        FieldTypes.Date => ScalarKind.Date,
        FieldTypes.Json => ScalarKind.Json,
        FieldTypes.Enum => ScalarKind.Enum,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar field type"),
    };

    /// <summary>Maps <c>RESTRICT</c>, <c>CASCADE</c>, <c>SET_NULL</c> (default RESTRICT).</summary>
    public static OnDeleteAction OnDeleteOf(string? onDelete) => onDelete switch
    {
        null or "RESTRICT" => OnDeleteAction.Restrict,
        "CASCADE" => OnDeleteAction.Cascade,
        "SET_NULL" => OnDeleteAction.SetNull,
        _ => throw new ArgumentOutOfRangeException(nameof(onDelete), onDelete, "not an onDelete action"),
    };

    /// <summary>The FK column of a to-one relation field: <c>customer</c> → <c>customer_id</c>.</summary>
    public static string ForeignKeyColumn(string fieldName) => NameConventions.ToSnakeCase(fieldName) + "_id";

    private static FieldModel BuildScalar(FieldDefinition f, int number, IReadOnlyList<EnumValueNumber> everUsedEnumNumbers)
    {
        var values = f.Values ?? [];
        return new()
        {
            Name = f.Name,
            Kind = FieldKind.Scalar,
            Scalar = ScalarKindOf(f.Type),
            Column = NameConventions.ToSnakeCase(f.Name),
            Required = f.Required,
            Unique = f.Unique,
            Description = f.Description,
            Default = f.Default,
            Min = f.Min,
            Max = f.Max,
            MaxLength = f.MaxLength,
            Pattern = f.Pattern,
            Precision = f.Precision,
            Scale = f.Scale,
            EnumValues = values,
            EnumNumbers = EnumValueNumbering.Number(values, everUsedEnumNumbers).Select(n => n.Number).ToArray(),
            RemovedEnumValues = EnumValueNumbering.Removed(values, everUsedEnumNumbers),
            Number = number,
            Definition = f,
        };
    }

    private static FieldModel BuildRelation(
        ResourceDefinition owner, string table, FieldDefinition f, int number, IReadOnlyDictionary<string, ResourceDefinition> all)
    {
        var target = f.Target!;
        var targetTable = NameConventions.ToSnakeCase(target);
        if (f.Cardinality == "one")
        {
            var column = ForeignKeyColumn(f.Name);
            return new FieldModel
            {
                Name = f.Name,
                Kind = FieldKind.ToOne,
                Scalar = ScalarKind.Id,
                Column = column,
                Required = f.Required,
                Unique = f.Unique,
                Description = f.Description,
                Number = number,
                Definition = f,
                Relation = new RelationModel(RelationKind.ManyToOne, target, f.Inverse, column, null, null, null, OnDeleteOf(f.OnDelete)),
            };
        }

        var inverse = f.Inverse is null || !all.TryGetValue(target, out var targetDef)
            ? null
            : targetDef.Fields.FirstOrDefault(x => x.Name == f.Inverse);
        RelationModel relation;
        if (inverse is not null && inverse.Cardinality == "one")
        {
            relation = new RelationModel(RelationKind.OneToMany, target, f.Inverse, ForeignKeyColumn(inverse.Name), null, null, null, OnDeleteAction.Restrict);
        }
        else
        {
            // Both sides of a many-to-many share one join table, named after the side that sorts first.
            var ownsTable = inverse is null
                || string.CompareOrdinal(owner.Name + "." + f.Name, target + "." + inverse.Name) <= 0;
            var (joinOwnerTable, joinOwnerField) = ownsTable ? (table, f.Name) : (targetTable, inverse!.Name);
            var joinTable = joinOwnerTable + "_" + NameConventions.ToSnakeCase(joinOwnerField);
            var (ownerColumn, otherColumn) = JoinColumns(ownsTable ? table : targetTable, ownsTable ? targetTable : table);
            var (source, targetColumn) = ownsTable ? (ownerColumn, otherColumn) : (otherColumn, ownerColumn);
            relation = new RelationModel(RelationKind.ManyToMany, target, f.Inverse, null, joinTable, source, targetColumn, OnDeleteAction.Cascade);
        }

        return new FieldModel
        {
            Name = f.Name,
            Kind = FieldKind.ToMany,
            Scalar = ScalarKind.Id,
            Column = null,
            Description = f.Description,
            Number = number,
            Definition = f,
            Relation = relation,
        };
    }

    /// <summary>Join table columns: <c>&lt;owner table&gt;_id</c>, <c>&lt;other table&gt;_id</c>; a self relation gets <c>related_…</c>.</summary>
    private static (string Owner, string Other) JoinColumns(string ownerTable, string otherTable) =>
        ownerTable == otherTable
            ? (ownerTable + "_id", "related_" + otherTable + "_id")
            : (ownerTable + "_id", otherTable + "_id");
}
