using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns the list arguments of <c>posts(...)</c> and of to-many fields (<c>where</c>, <c>orderBy</c>, <c>skip</c>,
/// <c>first</c>, <c>last</c>) into <see cref="ListArguments"/>, enforcing the page size limit before any SQL runs.
/// </summary>
internal sealed class ListArgumentsBuilder(PlanningErrors errors, FilterBuilder filters, PlanningLimits limits)
{
    /// <summary>The list arguments of one field.</summary>
    public ListArguments Build(FieldArguments arguments) =>
        new(
            filters.Where(arguments["where"]),
            OrderBy(arguments["orderBy"]),
            Count(arguments, "skip", null),
            Count(arguments, "first", limits.MaxPageSize),
            Count(arguments, "last", limits.MaxPageSize));

    /// <summary>The sort key an <c>&lt;R&gt;OrderByInput</c> value is bound to; none when the argument is absent or null.</summary>
    private static IReadOnlyList<OrderBy> OrderBy(object? value) =>
        value is Schema.GqlEnumValue { Binding: OrderBy order } ? [order] : [];

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
