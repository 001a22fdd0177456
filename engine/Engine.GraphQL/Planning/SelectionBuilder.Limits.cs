using System.Globalization;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

internal sealed partial class SelectionBuilder
{
    private double nodes;
    private bool nodesReported;

    /// <summary>Reports (once) fields at <paramref name="depth"/> when that is deeper than the limit.</summary>
    private bool TooDeep(int depth, IReadOnlyList<FieldGroup> groups)
    {
        if (depth <= limits.MaxDepth || groups.Count == 0)
        {
            return false;
        }

        if (!depthReported)
        {
            depthReported = true;
            errors.BadInput($"The query is nested deeper than the maximum depth of {limits.MaxDepth} (Engine:MaxQueryDepth).", groups[0].First);
        }

        return true;
    }

    /// <summary>
    /// Adds the records an object position may return to the operation's estimate, and reports (once, at the field that
    /// crosses it) an estimate over the limit. Doubles, because products of page sizes overflow integers quickly.
    /// </summary>
    private void CountNodes(double rows, FieldGroup group)
    {
        nodes += rows;
        if (nodes <= limits.MaxNodes || nodesReported)
        {
            return;
        }

        nodesReported = true;
        errors.BadInput(string.Create(CultureInfo.InvariantCulture,
            $"The query may return about {nodes:N0} records, more than the maximum of {limits.MaxNodes:N0} (Engine:MaxQueryNodes); ask for fewer with first or last on its lists."),
            group.First);
    }

    /// <summary>
    /// The rows a list is assumed to return: the smaller of <c>first</c> and <c>last</c>; unpaged, the maximum page size
    /// at the root, and <see cref="PlanningLimits.UnpagedNestedRows"/> for a relation's list, whose size the data bounds
    /// (a company's contacts), so that one unpaged level of nesting stays allowed and deeper unpaged fan-out does not.
    /// </summary>
    private int PageSize(ListArguments list, bool nested = false) => (list.First, list.Last) switch
    {
        ({ } first, { } last) => Math.Min(first, last),
        ({ } first, null) => first,
        (null, { } last) => last,
        _ => nested ? Math.Min(PlanningLimits.UnpagedNestedRows, limits.MaxPageSize) : limits.MaxPageSize,
    };
}
