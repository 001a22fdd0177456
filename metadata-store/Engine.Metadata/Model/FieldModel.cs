using System.Text.Json;
using Engine.Metadata.Definitions;

namespace Engine.Metadata.Model;

/// <summary>A validated field with its storage resolved: column, scalar kind, constraints, relation.</summary>
public sealed class FieldModel
{
    /// <summary>The field's camelCase name (its GraphQL name).</summary>
    public required string Name { get; init; }

    /// <summary>Scalar, to-one or to-many.</summary>
    public required FieldKind Kind { get; init; }

    /// <summary>For scalars, the storage kind; for to-one relations <see cref="ScalarKind.Id"/> (the FK column).</summary>
    public ScalarKind Scalar { get; init; }

    /// <summary>The column on the resource's table; null for to-many relations.</summary>
    public string? Column { get; init; }

    /// <summary>True for <c>id</c>, <c>createdAt</c>, <c>updatedAt</c>.</summary>
    public bool IsSystem { get; init; }

    public bool Required { get; init; }
    public bool Unique { get; init; }
    public string? Description { get; init; }
    public JsonElement? Default { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public int? Precision { get; init; }
    public int? Scale { get; init; }

    /// <summary>Enum values in declared order; empty for other kinds.</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>The protobuf number of each of <see cref="EnumValues"/>, same order; stable across versions like field numbers.</summary>
    public IReadOnlyList<int> EnumNumbers { get; init; } = [];

    /// <summary>Values the Enum field once had, by number: their numbers and names stay reserved in its protobuf enum.</summary>
    public IReadOnlyList<EnumValueNumber> RemovedEnumValues { get; init; } = [];

    /// <summary>The relation's storage; null for scalars.</summary>
    public RelationModel? Relation { get; init; }

    /// <summary>The protobuf field number (system fields: 1..3).</summary>
    public int Number { get; init; }

    /// <summary>The definition this field came from; null for system fields.</summary>
    public FieldDefinition? Definition { get; init; }

    /// <summary>True when the field is stored in a column of its own table.</summary>
    public bool HasColumn => Column is not null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
