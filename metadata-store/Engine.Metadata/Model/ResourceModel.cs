using System.Collections.Frozen;
using Engine.Metadata.Definitions;

namespace Engine.Metadata.Model;

/// <summary>A validated resource with its names and storage resolved; immutable.</summary>
public sealed class ResourceModel
{
    /// <summary>
    /// Builds a resource; <paramref name="fields"/> lists system fields first, then declared ones in order;
    /// <paramref name="removedFields"/> are the fields it no longer has (none when null).
    /// </summary>
    public ResourceModel(
        ResourceDefinition definition, string plural, string table, IReadOnlyList<FieldModel> fields, IReadOnlyList<RemovedField>? removedFields = null)
    {
        Definition = definition;
        Name = definition.Name;
        Plural = plural;
        Table = table;
        Fields = fields;
        FieldsByName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        Id = FieldsByName["id"];
        UniqueFields = fields.Where(f => f.Name == "id" || (f.Unique && f.Kind == FieldKind.Scalar)).ToArray();
        RemovedFields = removedFields ?? [];
    }

    /// <summary>PascalCase singular name, e.g. <c>Invoice</c>.</summary>
    public string Name { get; }

    /// <summary>PascalCase plural, e.g. <c>Invoices</c>.</summary>
    public string Plural { get; }

    /// <summary>Table name (snake_case, unquoted) in the data schema.</summary>
    public string Table { get; }

    /// <summary>All fields: <c>id</c>, <c>createdAt</c>, <c>updatedAt</c>, then the declared fields in order.</summary>
    public IReadOnlyList<FieldModel> Fields { get; }

    /// <summary>Fields by name.</summary>
    public FrozenDictionary<string, FieldModel> FieldsByName { get; }

    /// <summary>The <c>id</c> field.</summary>
    public FieldModel Id { get; }

    /// <summary><c>id</c> and every unique scalar field: the members of <c>WhereUniqueInput</c>.</summary>
    public IReadOnlyList<FieldModel> UniqueFields { get; }

    /// <summary>
    /// The fields it had once and no longer has, by number; their numbers are never given again. They change only
    /// together with the definition (removing a field changes it), so a model reused for an unchanged definition keeps
    /// the right list.
    /// </summary>
    public IReadOnlyList<RemovedField> RemovedFields { get; }

    /// <summary>The definition as the admin wrote it.</summary>
    public ResourceDefinition Definition { get; }

    /// <summary>The field with this name, or null.</summary>
    public FieldModel? Field(string name) => FieldsByName.GetValueOrDefault(name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
