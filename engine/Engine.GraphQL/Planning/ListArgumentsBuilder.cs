using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns the list arguments of <c>posts(...)</c> and of to-many fields (<c>where</c>, <c>orderBy</c>, <c>skip</c>,
/// <c>first</c>, <c>last</c>) into <see cref="ListArguments"/>, enforcing the page size limit before any SQL runs.
/// </summary>
internal sealed class ListArgumentsBuilder(PlanningErrors errors, FilterBuilder filters, PlanningLimits limits)
{
    /// <summary>The list arguments of one field.</summary>
    public ListArguments Build(FieldArguments arguments)
    {
        foreach (var cursor in (ReadOnlySpan<string>)["after", "before"])
        {
            if (arguments[cursor] is not null)
            {
                errors.BadInput($"Cursor arguments ({cursor}) are not supported yet; page with skip and first.", InputPath.Root(cursor));
            }
        }

        return new ListArguments(
            filters.Where(arguments["where"]),
            OrderBy(arguments["orderBy"]),
            Count(arguments, "skip", null),
            Count(arguments, "first", limits.MaxPageSize),
            Count(arguments, "last", limits.MaxPageSize));
    }

    private static IReadOnlyList<OrderBy> OrderBy(object? value) => value switch
    {
        Schema.GqlEnumValue { Binding: OrderBy order } => [order],
        InputListValue list => list.Items.OfType<Schema.GqlEnumValue>().Select(v => (OrderBy)v.Binding!).ToArray(),
        _ => [],
    };

    private int? Count(FieldArguments arguments, string name, int? max)
    {
        if (arguments[name] is not int count)
        {
            return null;
        }

        var path = InputPath.Root(name);
        if (count < 0)
        {
            errors.BadInput($"{name} must not be negative.", path);
        }
        else if (count > max)
        {
            errors.BadInput($"{name} must not exceed the maximum page size of {max}.", path);
        }

        return count;
    }
}
