using System.Globalization;
using Engine.Metadata.Model;

namespace Engine.MetadataStore.Planning;

/// <summary>The PostgreSQL type of each field kind (SPEC §1) and which type changes keep every existing value.</summary>
internal static class ColumnTypes
{
    // Decimal digits left of the point that a numeric needs to hold every value of an integer type.
    private const int IntDigits = 10;
    private const int LongDigits = 19;

    /// <summary>The column type of a field that has a column.</summary>
    public static string SqlType(FieldModel field) => field.Scalar switch
    {
        ScalarKind.Id => "uuid",
        ScalarKind.String or ScalarKind.Enum => "text",
        ScalarKind.Int => "integer",
        ScalarKind.Long => "bigint",
        ScalarKind.Float => "double precision",
        ScalarKind.Decimal => field.Precision is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"numeric({p},{field.Scale ?? 0})")
            : "numeric",
        ScalarKind.Boolean => "boolean",
        ScalarKind.DateTime => "timestamptz",
        ScalarKind.Date => "date",
        ScalarKind.Json => "jsonb",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Scalar, "no column type"),
    };

    /// <summary>
    /// True when converting the column from <paramref name="from"/>'s type to <paramref name="to"/>'s keeps every value
    /// exactly: Int→Long/Float/Decimal, Long→Decimal, Float→Decimal, Date→DateTime, anything→String, a larger
    /// numeric. A bounded numeric counts only when it has room for every value of the old type.
    /// </summary>
    public static bool IsWidening(FieldModel from, FieldModel to) => (from.Scalar, to.Scalar) switch
    {
        (_, ScalarKind.String) => true,
        (ScalarKind.Int, ScalarKind.Long or ScalarKind.Float) => true,
        (ScalarKind.Int, ScalarKind.Decimal) => HasIntegerDigits(to, IntDigits),
        (ScalarKind.Long, ScalarKind.Decimal) => HasIntegerDigits(to, LongDigits),
        (ScalarKind.Float, ScalarKind.Decimal) => to.Precision is null,
        (ScalarKind.Decimal, ScalarKind.Decimal) => IsLargerNumeric(from, to),
        (ScalarKind.Date, ScalarKind.DateTime) => true,
        _ => false,
    };

    private static bool HasIntegerDigits(FieldModel numeric, int digits) =>
        numeric.Precision is not { } p || p - (numeric.Scale ?? 0) >= digits;

    private static bool IsLargerNumeric(FieldModel from, FieldModel to)
    {
        if (to.Precision is not { } toPrecision)
        {
            return true;
        }

        if (from.Precision is not { } fromPrecision)
        {
            return false;
        }

        var fromScale = from.Scale ?? 0;
        var toScale = to.Scale ?? 0;
        return toScale >= fromScale && toPrecision - toScale >= fromPrecision - fromScale;
    }
}
