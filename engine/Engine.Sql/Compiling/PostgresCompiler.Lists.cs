using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>
    /// Appends <c>SELECT coalesce(json_agg(obj ORDER BY …), '[]'::json) FROM … WHERE …</c> over the rows of
    /// <paramref name="resource"/>: all of them for a root list, or those related to <paramref name="parentAlias"/>
    /// through <paramref name="relation"/>. A paged list reads from an ordered, limited subquery, so LIMIT applies
    /// per parent row (the lateral join re-runs it for each).
    /// </summary>
    private void AppendList(ResourceModel resource, ListArguments args, Selection selection, int number, FieldModel? relation, string? parentAlias)
    {
        var alias = TableAlias(number);
        var order = OrderKeys(resource, args.OrderBy);
        sql.Append("SELECT coalesce(json_agg(");
        var joins = AppendObject(selection.Items, alias);
        sql.Append(" ORDER BY ");
        AppendOrder(order, alias, reverse: false);
        sql.Append("), '[]'::json)");
        if (relation is not null)
        {
            sql.Append(" AS j");
        }

        sql.NewLine().Append("FROM ");
        var paged = args.Skip is not null || args.First is not null || args.Last is not null;
        if (paged)
        {
            AppendPagedSource(resource, args, order, number, relation, parentAlias);
            AppendLateralJoins(joins, alias);
        }
        else
        {
            AppendSource(resource, number, relation);
            AppendLateralJoins(joins, alias);
            AppendListWhere(args, order, number, relation, parentAlias);
        }
    }

    /// <summary>
    /// <c>(SELECT tN.* FROM … WHERE … ORDER BY … LIMIT $a OFFSET $b) tN</c>. <c>last</c> reads in reverse order and
    /// the outer json_agg restores the requested order; with <c>last</c> alone, <c>skip</c> counts from the end. With
    /// both <c>first</c> and <c>last</c>, the last rows of the first page are taken.
    /// </summary>
    private void AppendPagedSource(
        ResourceModel resource, ListArguments args, List<OrderBy> order, int number, FieldModel? relation, string? parentAlias)
    {
        var alias = TableAlias(number);
        var firstThenLast = args.First is not null && args.Last is not null;
        sql.Append('(').Indent().Append("SELECT ").Append(alias).Append(".*").NewLine().Append("FROM ");
        if (firstThenLast)
        {
            sql.Append('(').Indent().Append("SELECT ").Append(alias).Append(".*").NewLine().Append("FROM ");
        }

        AppendSource(resource, number, relation);
        AppendListWhere(args, order, number, relation, parentAlias);
        sql.NewLine().Append("ORDER BY ");
        var reverse = args.Last is not null && !firstThenLast;
        AppendOrder(order, alias, reverse);
        AppendLimitOffset(firstThenLast || args.Last is null ? args.First : args.Last, args.Skip);
        if (firstThenLast)
        {
            sql.Outdent().NewLine().Append(") ").Append(alias).NewLine().Append("ORDER BY ");
            AppendOrder(order, alias, reverse: true);
            AppendLimitOffset(args.Last, null);
        }

        sql.Outdent().NewLine().Append(") ").Append(alias);
    }

    private void AppendLimitOffset(int? limit, int? offset)
    {
        if (limit is { } l)
        {
            sql.NewLine().Append("LIMIT ").AppendRowCount(l);
        }

        // Skip values vary too much for literals; a skip of 0 is no OFFSET at all.
        if (offset is { } o and not 0)
        {
            sql.NewLine().Append("OFFSET ").AppendInteger(o);
        }
    }

    /// <summary><c>"data"."tag" tN</c>, joined to its join table <c>mN</c> for a many-to-many relation.</summary>
    private void AppendSource(ResourceModel resource, int number, FieldModel? relation)
    {
        var alias = TableAlias(number);
        AppendTable(resource).Append(' ').Append(alias);
        if (relation is not null && RelationOf(relation) is { Kind: RelationKind.ManyToMany } m2m)
        {
            var link = LinkAlias(number);
            sql.NewLine().Append("JOIN ").Table(model.DataSchema, m2m.JoinTable!).Append(' ').Append(link)
                .Append(" ON ").Column(link, m2m.JoinTargetColumn!).Append(" = ").Column(alias, ColumnOf(resource.Id));
        }
    }

    /// <summary>The relation's correlation to the parent row, the list's filter, and its cursor bounds.</summary>
    private void AppendListWhere(ListArguments args, List<OrderBy> order, int number, FieldModel? relation, string? parentAlias)
    {
        var alias = TableAlias(number);
        var hasFilter = args.Where is not null && !IsAlwaysTrue(args.Where);
        var conditions = (relation is null ? 0 : 1) + (hasFilter ? 1 : 0) + (args.After is null ? 0 : 1) + (args.Before is null ? 0 : 1);
        if (conditions == 0)
        {
            return;
        }

        sql.NewLine().Append("WHERE ");
        var written = 0;
        if (relation is not null)
        {
            AppendCorrelation(relation, number, parentAlias!);
            written++;
        }

        if (hasFilter)
        {
            sql.Append(written++ > 0 ? " AND " : string.Empty);
            AppendFilter(args.Where!, alias, conditions == 1 ? FilterContext.Alone : FilterContext.And);
        }

        AppendCursorBounds(args, order, alias, written > 0);
    }

    /// <summary>
    /// The join condition from a to-many relation's rows <c>tN</c> (or their join table rows <c>mN</c>) to the
    /// parent row: <c>tN.post_id = parent.id</c> or <c>mN.post_id = parent.id</c>.
    /// </summary>
    private void AppendCorrelation(FieldModel relation, int number, string parentAlias)
    {
        var storage = RelationOf(relation);
        switch (storage.Kind)
        {
            case RelationKind.OneToMany:
                sql.Column(TableAlias(number), storage.ForeignKeyColumn!);
                break;
            case RelationKind.ManyToMany:
                sql.Column(LinkAlias(number), storage.JoinSourceColumn!);
                break;
            default:
                throw new ArgumentException($"The relation '{relation.Name}' is not to-many.", nameof(relation));
        }

        sql.Append(" = ").Column(parentAlias, "id");
    }

    /// <summary>The requested sort keys, then <c>id</c> ascending (unless already a key) so every order is total.</summary>
    private static List<OrderBy> OrderKeys(ResourceModel resource, IReadOnlyList<OrderBy> requested) => SortKeys.Of(resource, requested);

    /// <summary>
    /// Appends the sort keys; reversed flips each direction, which with PostgreSQL's defaults (NULLS LAST ascending,
    /// NULLS FIRST descending) is exactly the reverse order.
    /// </summary>
    private void AppendOrder(List<OrderBy> keys, string alias, bool reverse)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }

            sql.Column(alias, ColumnOf(keys[i].Field));
            if (keys[i].Descending != reverse)
            {
                sql.Append(" DESC");
            }
        }
    }
}
