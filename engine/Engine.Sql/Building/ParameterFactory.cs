using System.Globalization;
using Engine.Metadata.Model;
using Engine.Query.Plans;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Sql.Building;

/// <summary>
/// Makes typed positional parameters: the PostgreSQL type comes from the CLR value (so the server never guesses), and
/// from the field's <see cref="ScalarKind"/> for nulls and arrays (so <c>= ANY($1)</c> works for an empty list too).
/// </summary>
internal static class ParameterFactory
{
    /// <summary>A parameter holding one value of a field of kind <paramref name="kind"/>.</summary>
    public static NpgsqlParameter Scalar(object? value, ScalarKind kind) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = DbTypeOf(kind) },
        string s => new NpgsqlParameter { Value = s, NpgsqlDbType = NpgsqlDbType.Text },
        int i => new NpgsqlParameter { Value = i, NpgsqlDbType = NpgsqlDbType.Integer },
        long l => new NpgsqlParameter { Value = l, NpgsqlDbType = NpgsqlDbType.Bigint },
        double d => new NpgsqlParameter { Value = d, NpgsqlDbType = NpgsqlDbType.Double },
        decimal m => new NpgsqlParameter { Value = m, NpgsqlDbType = NpgsqlDbType.Numeric },
        bool b => new NpgsqlParameter { Value = b, NpgsqlDbType = NpgsqlDbType.Boolean },
        DateTime t => new NpgsqlParameter { Value = ToUtc(t), NpgsqlDbType = NpgsqlDbType.TimestampTz },
        DateOnly d => new NpgsqlParameter { Value = d, NpgsqlDbType = NpgsqlDbType.Date },
        Guid g => new NpgsqlParameter { Value = g, NpgsqlDbType = NpgsqlDbType.Uuid },
        JsonText j => new NpgsqlParameter { Value = j.Text, NpgsqlDbType = NpgsqlDbType.Jsonb },
        _ => throw new ArgumentException($"A value of type {value.GetType().Name} cannot be bound as a parameter.", nameof(value)),
    };

    /// <summary>A parameter holding an integer (LIMIT, OFFSET).</summary>
    public static NpgsqlParameter Integer(int value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Integer };

    /// <summary>A typed array of the non-null <paramref name="values"/>, for <c>= ANY($n)</c> and <c>&lt;&gt; ALL($n)</c>.</summary>
    public static NpgsqlParameter Array(IReadOnlyList<object?> values, ScalarKind kind)
    {
        var nonNull = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                nonNull++;
            }
        }

        object array = kind switch
        {
            ScalarKind.Id => Fill(values, nonNull, static v => (Guid)v),
            ScalarKind.String or ScalarKind.Enum => Fill(values, nonNull, static v => (string)v),
            ScalarKind.Int => Fill(values, nonNull, static v => Convert.ToInt32(v, CultureInfo.InvariantCulture)),
            ScalarKind.Long => Fill(values, nonNull, static v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            ScalarKind.Float => Fill(values, nonNull, static v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            ScalarKind.Decimal => Fill(values, nonNull, static v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
            ScalarKind.Boolean => Fill(values, nonNull, static v => (bool)v),
            ScalarKind.DateTime => Fill(values, nonNull, static v => ToUtc((DateTime)v)),
            ScalarKind.Date => Fill(values, nonNull, static v => (DateOnly)v),
            ScalarKind.Json => Fill(values, nonNull, static v => ((JsonText)v).Text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar kind"),
        };
        return new NpgsqlParameter { Value = array, NpgsqlDbType = NpgsqlDbType.Array | DbTypeOf(kind) };
    }

    /// <summary>The PostgreSQL type a field of this kind is stored as.</summary>
    public static NpgsqlDbType DbTypeOf(ScalarKind kind) => kind switch
    {
        ScalarKind.Id => NpgsqlDbType.Uuid,
        ScalarKind.String or ScalarKind.Enum => NpgsqlDbType.Text,
        ScalarKind.Int => NpgsqlDbType.Integer,
        ScalarKind.Long => NpgsqlDbType.Bigint,
        ScalarKind.Float => NpgsqlDbType.Double,
        ScalarKind.Decimal => NpgsqlDbType.Numeric,
        ScalarKind.Boolean => NpgsqlDbType.Boolean,
        ScalarKind.DateTime => NpgsqlDbType.TimestampTz,
        ScalarKind.Date => NpgsqlDbType.Date,
        ScalarKind.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar kind"),
    };

    // Npgsql only writes UTC DateTimes to timestamptz; plan values are UTC by contract, unspecified ones are taken as UTC.
    private static DateTime ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    private static T[] Fill<T>(IReadOnlyList<object?> values, int count, Func<object, T> convert)
    {
        var array = new T[count];
        var i = 0;
        foreach (var v in values)
        {
            if (v is not null)
            {
                array[i++] = convert(v);
            }
        }

        return array;
    }
}
