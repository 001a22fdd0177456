using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation;

/// <summary>Questions rules ask about a field definition that may still be invalid.</summary>
internal static class FieldShapes
{
    public const string One = "one";
    public const string Many = "many";

    /// <summary>The fields every resource has; they may not be declared.</summary>
    public static readonly IReadOnlySet<string> SystemFields = new HashSet<string>(StringComparer.Ordinal) { "id", "createdAt", "updatedAt" };

    /// <summary>The columns of the system fields.</summary>
    public static readonly IReadOnlyList<(string Column, string Field)> SystemColumns =
        [("id", "id"), ("created_at", "createdAt"), ("updated_at", "updatedAt")];

    /// <summary>The values <c>onDelete</c> may take.</summary>
    public static readonly IReadOnlyList<string> OnDeleteActions = ["RESTRICT", "CASCADE", "SET_NULL"];

    public static bool IsRelation(FieldDefinition field) => field.Type == FieldTypes.Relation;

    public static bool IsToOne(FieldDefinition field) => IsRelation(field) && field.Cardinality == One;

    public static bool IsToMany(FieldDefinition field) => IsRelation(field) && field.Cardinality == Many;

    /// <summary>A known, non-relation type: the field is one column holding a value.</summary>
    public static bool IsScalar(FieldDefinition field) => !IsRelation(field) && FieldTypes.All.Contains(field.Type);

    public static bool IsNumeric(string type) =>
        type is FieldTypes.Int or FieldTypes.Long or FieldTypes.Float or FieldTypes.Decimal;

    /// <summary>The column a field is stored in, or null when it has none (to-many) or is too broken to tell.</summary>
    public static string? ColumnOf(FieldDefinition field) =>
        IsScalar(field) ? NameConventions.ToSnakeCase(field.Name)
        : IsToOne(field) ? SchemaModelBuilder.ForeignKeyColumn(field.Name)
        : null;

    /// <summary>
    /// True when field names are unique and not system names, every field has a known type and every relation a
    /// target, a cardinality and a known onDelete: all the model builder needs to resolve table, column and join
    /// table names.
    /// </summary>
    public static bool CanResolve(ResourceDefinition resource)
    {
        var names = new HashSet<string>(SystemFields, StringComparer.Ordinal);
        foreach (var field in resource.Fields)
        {
            if (!names.Add(field.Name) || !FieldTypes.All.Contains(field.Type))
            {
                return false;
            }

            if (IsRelation(field) && (string.IsNullOrEmpty(field.Target)
                || field.Cardinality is not (One or Many)
                || (field.OnDelete is not null && !OnDeleteActions.Contains(field.OnDelete))))
            {
                return false;
            }
        }

        return true;
    }
}
