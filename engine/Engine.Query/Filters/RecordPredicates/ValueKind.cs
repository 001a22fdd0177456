using System.Text;
using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// How one storage kind's values are read from record JSON, taken from filter values and compared the way PostgreSQL
/// compares its column type. <see cref="For"/> picks the kind once per compiled leaf, so evaluating never switches on types.
/// </summary>
internal abstract class ValueKind
{
    /// <summary>The kind of <paramref name="field"/>'s values (a to-one relation compares its foreign key id).</summary>
    public static ValueKind For(FieldModel field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Kind == FieldKind.ToMany)
        {
            throw new NotSupportedException($"'{field.Name}' is a to-many relation, which a record's own fields do not hold.");
        }

        return field.Scalar switch
        {
            ScalarKind.Id => IdKind.Instance,
            ScalarKind.String or ScalarKind.Enum => TextKind.Instance,
            ScalarKind.Int or ScalarKind.Long => IntegerKind.Instance,
            ScalarKind.Float => FloatKind.Instance,
            ScalarKind.Decimal => DecimalKind.Instance,
            ScalarKind.Boolean => BooleanKind.Instance,
            ScalarKind.DateTime => TimestampKind.Instance,
            ScalarKind.Date => DateKind.Instance,
            ScalarKind.Json => JsonKind.Instance,
            _ => throw new NotSupportedException($"'{field.Name}' has no comparable values ({field.Scalar})."),
        };
    }

    /// <summary>The predicate of <c>field op value</c> (<see cref="ComparisonFilter"/>'s semantics).</summary>
    public abstract Func<JsonElement, bool> Comparison(FieldModel field, ComparisonOperator op, object? value);

    /// <summary>The predicate of <c>field [NOT] IN (values)</c> (<see cref="InFilter"/>'s semantics).</summary>
    public abstract Func<JsonElement, bool> In(FieldModel field, IReadOnlyList<object?> values, bool negated);

    /// <summary>The UTF-8 key of <paramref name="field"/> in record JSON.</summary>
    public static byte[] KeyOf(FieldModel field) => Encoding.UTF8.GetBytes(field.Name);

    /// <summary>The field's JSON value, or false when it is null or absent (SQL NULL).</summary>
    public static bool TryGetValue(JsonElement record, byte[] key, out JsonElement value) =>
        record.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The error for a record value that does not have its kind's documented JSON form.</summary>
    public static FormatException Malformed(FieldModel field, JsonElement value, string expected) =>
        new($"The record's '{field.Name}' is {value.GetRawText()}, which is not {expected}.");
}
