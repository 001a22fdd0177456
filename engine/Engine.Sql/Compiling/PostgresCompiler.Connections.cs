using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>What the parts of a connection's JSON refer to while it is being compiled.</summary>
    /// <param name="Plan">The connection.</param>
    /// <param name="Keys">Its total order (<see cref="SortKeys.Of"/>).</param>
    /// <param name="Page">The CTE holding exactly the page's rows: <c>e</c> when <c>p</c> holds one row more, else <c>p</c>.</param>
    private sealed record ConnectionScope(ConnectionPlan Plan, List<OrderBy> Keys, string Page)
    {
        public ListArguments Arguments => Plan.Arguments;

        /// <summary>Paging from the start (<c>first</c>, maybe followed by <c>last</c>).</summary>
        public bool Forward => Arguments.First is not null;

        /// <summary>Paging from the end (<c>last</c> without <c>first</c>): rows are read in reverse.</summary>
        public bool Backward => Arguments.First is null && Arguments.Last is not null;
    }

    private ConnectionScope? connection;

    /// <summary>
    /// <c>WITH p AS (…), e AS (…), c AS (…) SELECT json_build_object(…)</c>. <c>p</c> holds the rows matching
    /// <c>where</c> and the cursors, in reading order (reversed for <c>last</c>), after <c>skip</c>, one more than the
    /// page when paged — that extra row is how hasNextPage (or hasPreviousPage for <c>last</c>) is known without
    /// counting. <c>e</c> is the page itself, <c>c</c> the count of rows matching <c>where</c> (only when
    /// <c>aggregate { count }</c> is selected). Each part of the connection object is a scalar subquery over them,
    /// written only when selected.
    /// </summary>
    private void Connection(ConnectionPlan plan)
    {
        var args = plan.Arguments;
        var keys = OrderKeys(plan.Resource, args.OrderBy);
        var paged = args.First is not null || args.Last is not null;
        connection = new ConnectionScope(plan, keys, paged ? "e" : "p");
        var number = NextAlias();
        var alias = TableAlias(number);

        sql.Append("WITH p AS (").Indent().Append("SELECT ").Append(alias).Append(".*").NewLine().Append("FROM ");
        AppendTable(plan.Resource).Append(' ').Append(alias);
        AppendListWhere(args, keys, number, relation: null, parentAlias: null);
        sql.NewLine().Append("ORDER BY ");
        AppendOrder(keys, alias, reverse: connection.Backward);
        AppendLimitOffset(paged ? (args.First ?? args.Last) + 1 : null, args.Skip);
        sql.Outdent().NewLine().Append(')');

        if (connection.Forward && args.Last is { } last)
        {
            // The last rows of the first page: the first page in reverse, limited.
            sql.Append(", e AS (").Indent().Append("SELECT f.*").NewLine().Append("FROM (SELECT p.* FROM p ORDER BY ");
            AppendOrder(keys, "p", reverse: false);
            sql.Append(" LIMIT ").AppendRowCount(args.First!.Value).Append(") f").NewLine().Append("ORDER BY ");
            AppendOrder(keys, "f", reverse: true);
            sql.NewLine().Append("LIMIT ").AppendRowCount(last).Outdent().NewLine().Append(')');
        }
        else if (paged)
        {
            sql.Append(", e AS (").Indent().Append("SELECT p.*").NewLine().Append("FROM p").NewLine().Append("ORDER BY ");
            AppendOrder(keys, "p", reverse: connection.Backward);
            sql.NewLine().Append("LIMIT ").AppendRowCount((args.First ?? args.Last)!.Value).Outdent().NewLine().Append(')');
        }

        if (SelectsCount(plan.Selection))
        {
            var counted = NextAlias();
            sql.Append(", c AS (").Indent().Append("SELECT count(*) AS n").NewLine().Append("FROM ");
            AppendTable(plan.Resource).Append(' ').Append(TableAlias(counted));
            AppendListWhere(ListArguments.All with { Where = args.Where }, keys, counted, relation: null, parentAlias: null);
            sql.Outdent().NewLine().Append(')');
        }

        sql.NewLine().Append("SELECT ");
        AppendObject(plan.Selection, connection.Page);
    }

    private static bool SelectsCount(IReadOnlyList<SelectionItem> items)
    {
        foreach (var item in items)
        {
            if (item is AggregateSelection aggregate && aggregate.Items.Any(i => i is AggregateCountSelection))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>(SELECT coalesce(json_agg(edge ORDER BY …), '[]'::json) FROM e tN …)</c>: the page's edges in the requested
    /// order, their nodes' relations joined laterally.
    /// </summary>
    private void AppendEdges(EdgesSelection edges)
    {
        var scope = connection!;
        var number = NextAlias();
        var alias = TableAlias(number);
        sql.Append("(").Indent().Append("SELECT coalesce(json_agg(");
        var joins = AppendObject(edges.Items, alias);
        sql.Append(" ORDER BY ");
        AppendOrder(scope.Keys, alias, reverse: false);
        sql.Append("), '[]'::json)").NewLine().Append("FROM ").Append(scope.Page).Append(' ').Append(alias);
        AppendLateralJoins(joins, alias);
        sql.Outdent().NewLine().Append(')');
    }

    /// <summary>One field of <c>pageInfo</c> (see <see cref="AppendHasNextPage"/> and <see cref="AppendHasPreviousPage"/>).</summary>
    private void AppendPageInfoField(PageInfoField field)
    {
        switch (field)
        {
            case PageInfoField.HasNextPage:
                AppendHasNextPage();
                break;
            case PageInfoField.HasPreviousPage:
                AppendHasPreviousPage();
                break;
            default:
                var scope = connection!;
                var alias = TableAlias(NextAlias());
                sql.Append("(SELECT ");
                AppendCursor(scope.Keys, alias);
                sql.Append(" FROM ").Append(scope.Page).Append(' ').Append(alias).Append(" ORDER BY ");
                AppendOrder(scope.Keys, alias, reverse: field == PageInfoField.EndCursor);
                sql.Append(" LIMIT 1)");
                break;
        }
    }

    /// <summary>
    /// True when rows follow the page: with <c>first</c>, the extra row was found; with <c>last</c> and <c>skip</c>,
    /// rows were skipped at the end; with <c>before</c>, a matching row exists at or after the cursor (one index probe,
    /// as Relay allows).
    /// </summary>
    private void AppendHasNextPage()
    {
        var scope = connection!;
        var args = scope.Arguments;
        var terms = 0;
        if (scope.Forward)
        {
            sql.Append("(SELECT count(*) FROM p) > ").AppendInteger(args.First!.Value);
            terms++;
        }

        if (scope.Backward && args.Skip > 0)
        {
            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            AppendExists(args.Where, args.After, args.Before, null);
        }

        if (args.Before is { } before)
        {
            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            AppendExists(args.Where, null, null, new KeysetBound(before, Later: true));
        }

        if (terms == 0)
        {
            sql.Append("false");
        }
    }

    /// <summary>
    /// True when rows precede the page: with <c>last</c>, the extra row was found (or, after <c>first</c>, the first page
    /// was cut); with <c>skip</c> from the start, rows were skipped; with <c>after</c>, a matching row exists at or
    /// before the cursor (one index probe, as Relay allows).
    /// </summary>
    private void AppendHasPreviousPage()
    {
        var scope = connection!;
        var args = scope.Arguments;
        var terms = 0;
        if (scope.Backward)
        {
            sql.Append("(SELECT count(*) FROM p) > ").AppendInteger(args.Last!.Value);
            terms++;
        }
        else if (args.Last is { } last)
        {
            sql.Append("least((SELECT count(*) FROM p), ").AppendInteger(args.First!.Value).Append(") > ").AppendInteger(last);
            terms++;
        }

        if (!scope.Backward && args.Skip > 0)
        {
            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            AppendExists(args.Where, args.After, args.Before, null);
        }

        if (args.After is { } after)
        {
            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            AppendExists(args.Where, null, null, new KeysetBound(after, Later: false));
        }

        if (terms == 0)
        {
            sql.Append("false");
        }
    }

    /// <summary>A cursor position and the side of it, cursor row included, that <see cref="AppendExists"/> looks at.</summary>
    private readonly record struct KeysetBound(Cursor Cursor, bool Later);

    /// <summary>
    /// <c>EXISTS (SELECT 1 FROM table tN WHERE …)</c>: a row matching <paramref name="where"/>, the cursors
    /// <paramref name="after"/> and <paramref name="before"/>, and <paramref name="bound"/> (cursor row included).
    /// </summary>
    private void AppendExists(Query.Filters.Filter? where, Cursor? after, Cursor? before, KeysetBound? bound)
    {
        var scope = connection!;
        var alias = TableAlias(NextAlias());
        sql.Append("EXISTS (SELECT 1 FROM ");
        AppendTable(scope.Plan.Resource).Append(' ').Append(alias);
        var separator = " WHERE ";
        if (where is not null && !IsAlwaysTrue(where))
        {
            sql.Append(separator);
            AppendFilter(where, alias, FilterContext.And);
            separator = " AND ";
        }

        if (after is not null)
        {
            sql.Append(separator);
            AppendKeyset(scope.Keys, after, alias, later: true, inclusive: false);
            separator = " AND ";
        }

        if (before is not null)
        {
            sql.Append(separator);
            AppendKeyset(scope.Keys, before, alias, later: false, inclusive: false);
            separator = " AND ";
        }

        if (bound is { } b)
        {
            sql.Append(separator);
            AppendKeyset(scope.Keys, b.Cursor, alias, b.Later, inclusive: true);
        }

        sql.Append(')');
    }
}
