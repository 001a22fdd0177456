using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// String and Enum (both text columns): equal when ordinally equal, ordered by Unicode code point — the order of the
/// <c>C</c> and <c>C.UTF-8</c> collations the engine's databases use (see <see cref="RecordPredicate"/>).
/// </summary>
internal sealed class TextKind : ValueKindOf<string>
{
    public static readonly TextKind Instance = new();

    protected override string Read(JsonElement value, FieldModel field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed(field, value, "a string");

    protected override string FromFilter(object value, FieldModel field) => (string)value;

    protected override bool Same(string left, string right) => string.Equals(left, right, StringComparison.Ordinal);

    protected override int Order(string left, string right) => CompareCodePoints(left, right);

    /// <summary>
    /// Code point order of two UTF-16 strings. Ordinal UTF-16 order puts code points above U+FFFF (surrogate pairs,
    /// D800–DFFF) before U+E000–U+FFFF; shifting both units at the first difference fixes that (as ICU's code point
    /// order comparison does).
    /// </summary>
    public static int CompareCodePoints(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        var at = left.AsSpan(0, length).CommonPrefixLength(right.AsSpan(0, length));
        if (at == length)
        {
            return left.Length.CompareTo(right.Length);
        }

        int a = left[at];
        int b = right[at];
        if (a >= 0xD800 && b >= 0xD800)
        {
            a += a >= 0xE000 ? -0x800 : 0x2000;
            b += b >= 0xE000 ? -0x800 : 0x2000;
        }

        return a - b;
    }
}
