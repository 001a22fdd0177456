using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// The comparison and membership predicates of a kind whose values are <typeparamref name="T"/>: the filter value is
/// converted once, and each predicate is a closure chosen by operator, so a record costs one property lookup, one parse
/// and one comparison.
/// </summary>
internal abstract class ValueKindOf<T> : ValueKind
{
    /// <summary>The value of a non-null record JSON value of <paramref name="field"/>.</summary>
    protected abstract T Read(JsonElement value, FieldModel field);

    /// <summary>A filter value (a CLR value coerced to the field's storage type, see <see cref="Filter"/>) as <typeparamref name="T"/>.</summary>
    protected abstract T FromFilter(object value, FieldModel field);

    /// <summary>Negative, zero or positive as PostgreSQL orders the two values.</summary>
    protected abstract int Order(T left, T right);

    /// <summary>PostgreSQL's <c>=</c> of two non-null values.</summary>
    protected virtual bool Same(T left, T right) => Order(left, right) == 0;

    /// <summary>False for kinds whose filters offer only equality.</summary>
    protected virtual bool IsOrdered => true;

    /// <inheritdoc/>
    public override Func<JsonElement, bool> Comparison(FieldModel field, ComparisonOperator op, object? value)
    {
        var key = KeyOf(field);
        if (value is null)
        {
            return op switch
            {
                ComparisonOperator.Equal => record => !TryGetValue(record, key, out _),
                ComparisonOperator.NotEqual => record => TryGetValue(record, key, out _),

                // An ordering against null holds for no row.
                _ => static _ => false,
            };
        }

        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual) && !IsOrdered)
        {
            throw new NotSupportedException($"'{field.Name}' ({field.Scalar}) can only be compared for equality.");
        }

        var constant = FromFilter(value, field);
        return op switch
        {
            ComparisonOperator.Equal => record => TryGetValue(record, key, out var v) && Same(Read(v, field), constant),

            // IS DISTINCT FROM: a null field differs from every value.
            ComparisonOperator.NotEqual => record => !TryGetValue(record, key, out var v) || !Same(Read(v, field), constant),
            ComparisonOperator.LessThan => record => TryGetValue(record, key, out var v) && Order(Read(v, field), constant) < 0,
            ComparisonOperator.LessThanOrEqual => record => TryGetValue(record, key, out var v) && Order(Read(v, field), constant) <= 0,
            ComparisonOperator.GreaterThan => record => TryGetValue(record, key, out var v) && Order(Read(v, field), constant) > 0,
            ComparisonOperator.GreaterThanOrEqual => record => TryGetValue(record, key, out var v) && Order(Read(v, field), constant) >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown comparison operator"),
        };
    }

    /// <summary>
    /// IN: a null field matches when the list holds a null; NOT IN: a null field matches unless the list holds a null
    /// (SQL <c>col IS NULL OR col &lt;&gt; ALL(…)</c>, or <c>col IS NOT NULL AND …</c> with a null in the list).
    /// </summary>
    public override Func<JsonElement, bool> In(FieldModel field, IReadOnlyList<object?> values, bool negated)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = KeyOf(field);
        var hasNull = false;
        var members = new List<T>(values.Count);
        foreach (var value in values)
        {
            if (value is null)
            {
                hasNull = true;
            }
            else
            {
                members.Add(FromFilter(value, field));
            }
        }

        var set = members.ToArray();
        if (negated)
        {
            return record => TryGetValue(record, key, out var v) ? !Contains(set, Read(v, field)) : !hasNull;
        }

        return record => TryGetValue(record, key, out var v) ? Contains(set, Read(v, field)) : hasNull;
    }

    private bool Contains(T[] set, T value)
    {
        foreach (var member in set)
        {
            if (Same(value, member))
            {
                return true;
            }
        }

        return false;
    }
}
