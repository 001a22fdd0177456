using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>The values a create or update writes: scalar columns, to-one relations, and nested writes through relations.</summary>
/// <param name="Values">Scalar fields with coerced values (null writes NULL).</param>
/// <param name="Relations">To-one relations set by <c>connect</c> (or cleared by <c>disconnect</c>): foreign key values of the row itself.</param>
/// <param name="Nested">
/// Writes of other records through relations (nested create, to-many connect, update, delete, ...), in the order they
/// run; empty for the common case, which stays one statement.
/// </param>
public sealed record WriteData(IReadOnlyList<ColumnValue> Values, IReadOnlyList<ToOneConnect> Relations, IReadOnlyList<NestedWrite> Nested)
{
    /// <summary>Writes nothing (an update that only touches <c>updatedAt</c>).</summary>
    public static readonly WriteData Empty = new([], [], []);

    /// <summary>Values and to-one connects only, without nested writes.</summary>
    public WriteData(IReadOnlyList<ColumnValue> values, IReadOnlyList<ToOneConnect> relations)
        : this(values, relations, [])
    {
    }

    /// <summary>True when writing this touches other records (directly or deeper down), so it needs a transaction of several statements.</summary>
    public bool HasNested => Nested.Count > 0;
}

/// <summary>A scalar field and the value to store.</summary>
public sealed record ColumnValue(FieldModel Field, object? Value);

/// <summary>
/// Points a to-one relation at the one target row matching <paramref name="Where"/> (a unique filter), or clears it when
/// <paramref name="Where"/> is null (<c>disconnect: true</c>).
/// </summary>
public sealed record ToOneConnect(FieldModel Relation, ResourceModel Target, Filter? Where);
