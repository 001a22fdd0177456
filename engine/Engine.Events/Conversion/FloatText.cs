using System.Globalization;

namespace Engine.Events.Conversion;

/// <summary>
/// Renders a <c>double precision</c> the way Engine.Sql's <c>json_build_object</c> does (PostgreSQL's shortest exact
/// <c>float8out</c>: <c>0.1</c>, <c>1e+300</c>, <c>1e-07</c>). <c>to_jsonb</c> stores floats as <c>numeric</c>, which
/// spells 1e300 with 301 digits, so the value is parsed back and printed the shortest way.
/// </summary>
internal static class FloatText
{
    /// <summary>The longest shortest-round-trip text of a double (<c>-2.2250738585072014e-308</c>).</summary>
    public const int MaxLength = 32;

    /// <summary>Writes the JSON number for the digits <paramref name="number"/>; false when it is not a finite double.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> number, Span<byte> destination, out int written)
    {
        written = 0;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return false;
        }

        // .NET's shortest round-trip text switches to an exponent at the same points as float8out (below 1e-4 and from
        // 1e15 on) and differs only in the exponent letter.
        if (!value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture))
        {
            return false;
        }

        var e = destination[..written].IndexOf((byte)'E');
        if (e >= 0)
        {
            destination[e] = (byte)'e';
        }

        return true;
    }
}
