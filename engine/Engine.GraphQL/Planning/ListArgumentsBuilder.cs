using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns the list arguments of <c>posts(...)</c>, <c>postsConnection(...)</c> and of to-many fields (<c>where</c>,
/// <c>orderBy</c>, <c>skip</c>, <c>after</c>, <c>before</c>, <c>first</c>, <c>last</c>) into <see cref="ListArguments"/>,
/// enforcing the page size limit and decoding cursors before any SQL runs.
/// </summary>
internal sealed class ListArgumentsBuilder(PlanningErrors errors, FilterBuilder filters, PlanningLimits limits)
{
    /// <summary>The list arguments of one field listing <paramref name="resource"/>.</summary>
    public ListArguments Build(FieldArguments arguments, ResourceModel resource)
    {
        var orderBy = OrderBy(arguments["orderBy"]);
        var keys = SortKeys.Of(resource, orderBy);
        return new ListArguments(
            filters.Where(arguments["where"]),
            orderBy,
            Count(arguments, "skip", null),
            Count(arguments, "first", limits.MaxPageSize),
            Count(arguments, "last", limits.MaxPageSize))
        {
            After = Cursor(arguments, "after", keys),
            Before = Cursor(arguments, "before", keys),
        };
    }

    /// <summary>The sort key an <c>&lt;R&gt;OrderByInput</c> value is bound to; none when the argument is absent or null.</summary>
    private static IReadOnlyList<OrderBy> OrderBy(object? value) =>
        value is Schema.GqlEnumValue { Binding: OrderBy order } ? [order] : [];

    private Cursor? Cursor(FieldArguments arguments, string name, List<OrderBy> keys)
    {
        if (arguments[name] is not string text)
        {
            return null;
        }

        if (CursorCodec.TryDecode(text, keys, out var cursor, out var error))
        {
            return cursor;
        }

        errors.BadInput($"The {name} cursor {error}", InputPath.Root(name));
        return null;
    }

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
            errors.BadInput($"{name} must not exceed the maximum page size of {max} (Engine:MaxPageSize).", path);
        }

        return count;
    }
}
