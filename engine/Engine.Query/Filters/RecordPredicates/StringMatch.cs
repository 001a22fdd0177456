using System.Text.Json;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>
/// <see cref="StringMatchFilter"/> as SQL's <c>LIKE</c> with an escaped pattern: literal, case-sensitive matching; a
/// null field matches neither the operator nor its negation.
/// </summary>
internal static class StringMatch
{
    public static Func<JsonElement, bool> Compile(StringMatchFilter filter)
    {
        var field = filter.Field;
        var key = ValueKind.KeyOf(field);
        var pattern = filter.Value;
        var negated = filter.Negated;
        Func<string, bool> matches = filter.Operator switch
        {
            StringMatchOperator.Contains => text => text.Contains(pattern, StringComparison.Ordinal),
            StringMatchOperator.StartsWith => text => text.StartsWith(pattern, StringComparison.Ordinal),
            StringMatchOperator.EndsWith => text => text.EndsWith(pattern, StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "unknown string operator"),
        };
        return record =>
        {
            if (!ValueKind.TryGetValue(record, key, out var value))
            {
                return false;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw ValueKind.Malformed(field, value, "a string");
            return matches(text) != negated;
        };
    }
}
