using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>The values a create or update writes: scalar columns and to-one relations.</summary>
/// <param name="Values">Scalar fields with coerced values (null writes NULL).</param>
/// <param name="Relations">To-one relations set by <c>connect</c> (or cleared by <c>disconnect</c>).</param>
public sealed record WriteData(IReadOnlyList<ColumnValue> Values, IReadOnlyList<ToOneConnect> Relations)
{
    /// <summary>Writes nothing (an update that only touches <c>updatedAt</c>).</summary>
    public static readonly WriteData Empty = new([], []);
}

/// <summary>A scalar field and the value to store.</summary>
public sealed record ColumnValue(FieldModel Field, object? Value);

/// <summary>
/// Points a to-one relation at the one target row matching <paramref name="Where"/> (a unique filter), or clears it when
/// <paramref name="Where"/> is null (<c>disconnect: true</c>).
/// </summary>
public sealed record ToOneConnect(FieldModel Relation, ResourceModel Target, Filter? Where);
