using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>json_build_object takes at most 100 arguments (FUNC_MAX_ARGS), so at most 50 key/value pairs.</summary>
    internal const int MaxPairsPerObject = 50;

    /// <summary>A relation of a selected object, filled by a lateral join over <c>t{Number}</c> appended after FROM.</summary>
    private readonly record struct LateralJoin(SelectionItem Item, int Number);

    /// <summary>
    /// Appends the JSON object of one row of <paramref name="alias"/> with the keys in selection order, and returns the
    /// lateral joins its relations need (to be appended by the caller right after its FROM item).
    /// </summary>
    private List<LateralJoin>? AppendObject(IReadOnlyList<SelectionItem> items, string alias)
    {
        List<LateralJoin>? joins = null;
        if (items.Count <= MaxPairsPerObject)
        {
            AppendObjectChunk(items, 0, items.Count, alias, ref joins);
            return joins;
        }

        // More pairs than one call takes: build several objects and splice their text, which keeps the key order
        // (jsonb's || would sort the keys). Each chunk is a non-empty object, so "{…" + ", " + "…}" stays valid JSON.
        var chunks = (items.Count + MaxPairsPerObject - 1) / MaxPairsPerObject;
        sql.Append('(');
        for (var c = 0; c < chunks; c++)
        {
            var start = c * MaxPairsPerObject;
            var end = Math.Min(start + MaxPairsPerObject, items.Count);
            if (c > 0)
            {
                sql.Append(" || ', ' || ");
            }

            var first = c == 0;
            var last = c == chunks - 1;
            sql.Append(first ? "left(" : last ? "right(" : "right(left(");
            AppendObjectChunk(items, start, end, alias, ref joins);
            sql.Append(first ? "::text, -1)" : last ? "::text, -1)" : "::text, -1), -1)");
        }

        sql.Append(")::json");
        return joins;
    }

    private void AppendObjectChunk(IReadOnlyList<SelectionItem> items, int start, int end, string alias, ref List<LateralJoin>? joins)
    {
        sql.Append("json_build_object(");
        for (var i = start; i < end; i++)
        {
            var item = items[i];
            if (i > start)
            {
                sql.Append(", ");
            }

            sql.Literal(item.Key).Append(", ");
            switch (item)
            {
                case ScalarSelection s:
                    AppendJsonValue(s.Field, alias);
                    break;
                case TypenameSelection t:
                    sql.Literal(t.TypeName);
                    break;
                case CountSelection:
                    // BatchPayload.count is a Long: a JSON string.
                    sql.Append("count(*)::text");
                    break;
                case PageInfoSelection pageInfo:
                    AppendObject(pageInfo.Items, alias);
                    break;
                case PageInfoFieldSelection pageInfoField:
                    AppendPageInfoField(pageInfoField.Field);
                    break;
                case EdgesSelection edges:
                    AppendEdges(edges);
                    break;
                case EdgeNodeSelection node:
                    if (AppendObject(node.Selection.Items, alias) is { } nodeJoins)
                    {
                        (joins ??= []).AddRange(nodeJoins);
                    }

                    break;
                case CursorSelection:
                    AppendCursor(connection!.Keys, alias);
                    break;
                case AggregateSelection aggregate:
                    AppendObject(aggregate.Items, alias);
                    break;
                case AggregateCountSelection:
                    sql.Append("(SELECT n FROM c)");
                    break;
                case ToOneSelection or ToManySelection:
                    var number = NextAlias();
                    (joins ??= []).Add(new LateralJoin(item, number));
                    sql.Append(JoinAlias(number)).Append(".j");
                    break;
                default:
                    throw new ArgumentException($"No SQL for a selection of type {item.GetType().Name}.", nameof(items));
            }
        }

        sql.Append(')');
    }

    /// <summary>Appends one <c>LEFT JOIN LATERAL (…) jN ON true</c> per relation of an object of <paramref name="parentAlias"/>.</summary>
    private void AppendLateralJoins(List<LateralJoin>? joins, string parentAlias)
    {
        if (joins is null)
        {
            return;
        }

        foreach (var join in joins)
        {
            sql.NewLine().Append("LEFT JOIN LATERAL (").Indent();
            switch (join.Item)
            {
                case ToOneSelection one:
                    AppendToOneObject(one, join.Number, parentAlias);
                    break;
                case ToManySelection many:
                    AppendList(many.Target, many.Arguments, many.Selection, join.Number, many.Relation, parentAlias);
                    break;
            }

            sql.Outdent().NewLine().Append(") ").Append(JoinAlias(join.Number)).Append(" ON true");
        }
    }

    /// <summary>
    /// <c>SELECT json_build_object(…) AS j FROM target tN WHERE tN.id = parent.fk [AND readable]</c>: no row (so null)
    /// without a target.
    /// </summary>
    private void AppendToOneObject(ToOneSelection one, int number, string parentAlias)
    {
        var alias = TableAlias(number);
        sql.Append("SELECT ");
        var joins = AppendObject(one.Selection.Items, alias);
        sql.Append(" AS j").NewLine().Append("FROM ");
        AppendTable(one.Target).Append(' ').Append(alias);
        AppendLateralJoins(joins, alias);
        sql.NewLine().Append("WHERE ").Column(alias, ColumnOf(one.Target.Id)).Append(" = ").Column(parentAlias, ColumnOf(one.Relation));
        if (one.Where is { } readable)
        {
            // Access rules: a target the caller may not read is no target.
            sql.Append(" AND ");
            AppendFilter(readable, alias, FilterContext.And);
        }
    }
}
