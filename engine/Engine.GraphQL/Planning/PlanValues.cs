using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Planning;

/// <summary>Converts coerced input values into the values plans carry (enum values become their names).</summary>
internal static class PlanValues
{
    /// <summary>The plan value of a coerced scalar or enum value.</summary>
    public static object? Of(object? value) => value is GqlEnumValue enumValue ? enumValue.Name : value;

    /// <summary>The plan values of a coerced list.</summary>
    public static IReadOnlyList<object?> ListOf(object value)
    {
        var items = ((InputListValue)value).Items;
        var values = new object?[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Of(items[i]);
        }

        return values;
    }
}
