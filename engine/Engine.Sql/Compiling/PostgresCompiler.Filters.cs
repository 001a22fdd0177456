using System.Text;
using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>Where a predicate is written, which decides whether an AND or OR list needs parentheses.</summary>
    private enum FilterContext
    {
        /// <summary>The whole condition (or inside parentheses already).</summary>
        Alone,

        /// <summary>An operand of AND.</summary>
        And,

        /// <summary>An operand of OR.</summary>
        Or,
    }

    /// <summary>
    /// Appends a predicate over the row <paramref name="alias"/> that follows <see cref="Filter"/>'s two-valued
    /// semantics: NOT and <c>every</c> use <c>IS NOT TRUE</c>, so a comparison that is NULL because a column is null
    /// counts as "does not hold" rather than vanishing.
    /// </summary>
    private void AppendFilter(Filter filter, string alias, FilterContext context)
    {
        switch (filter)
        {
            case AndFilter and:
                AppendJunction(and.Items, " AND ", "TRUE", alias, context, FilterContext.And);
                break;
            case OrFilter or:
                AppendJunction(or.Items, " OR ", "FALSE", alias, context, FilterContext.Or);
                break;
            case NotFilter not:
                sql.Append('(');
                AppendFilter(not.Inner, alias, FilterContext.Alone);
                sql.Append(") IS NOT TRUE");
                break;
            case ComparisonFilter comparison:
                AppendComparison(comparison, alias);
                break;
            case InFilter inFilter:
                AppendIn(inFilter, alias);
                break;
            case StringMatchFilter match:
                AppendStringMatch(match, alias);
                break;
            case ToOneFilter toOne:
                AppendToOneFilter(toOne, alias);
                break;
            case ToManyFilter toMany:
                AppendToManyFilter(toMany, alias);
                break;
            case RelatedToFilter related:
                AppendRelatedTo(related, alias);
                break;
            default:
                throw new ArgumentException($"No SQL for a filter of type {filter.GetType().Name}.", nameof(filter));
        }
    }

    private void AppendJunction(
        IReadOnlyList<Filter> items, string separator, string empty, string alias, FilterContext context, FilterContext own)
    {
        if (items.Count == 0)
        {
            sql.Append(empty);
            return;
        }

        if (items.Count == 1)
        {
            AppendFilter(items[0], alias, context);
            return;
        }

        var parenthesize = context != FilterContext.Alone && context != own;
        if (parenthesize)
        {
            sql.Append('(');
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(separator);
            }

            AppendFilter(items[i], alias, own);
        }

        if (parenthesize)
        {
            sql.Append(')');
        }
    }

    private void AppendComparison(ComparisonFilter filter, string alias)
    {
        var column = ColumnOf(filter.Field);
        if (filter.Value is null)
        {
            switch (filter.Operator)
            {
                case ComparisonOperator.Equal:
                    sql.Column(alias, column).Append(" IS NULL");
                    break;
                case ComparisonOperator.NotEqual:
                    sql.Column(alias, column).Append(" IS NOT NULL");
                    break;
                default:
                    // An ordering against null holds for no row.
                    sql.Append("FALSE");
                    break;
            }

            return;
        }

        sql.Column(alias, column).Append(filter.Operator switch
        {
            ComparisonOperator.Equal => " = ",
            ComparisonOperator.NotEqual => " IS DISTINCT FROM ",
            ComparisonOperator.LessThan => " < ",
            ComparisonOperator.LessThanOrEqual => " <= ",
            ComparisonOperator.GreaterThan => " > ",
            ComparisonOperator.GreaterThanOrEqual => " >= ",
            _ => throw new ArgumentException($"Unknown operator {filter.Operator}.", nameof(filter)),
        }).AppendValue(filter.Value, filter.Field.Scalar);
    }

    /// <summary>
    /// <c>col = ANY($n)</c> / <c>(col IS NULL OR col &lt;&gt; ALL($n))</c> with a typed array, so an empty list needs no
    /// special case (ANY of nothing is false, ALL of nothing is true). A null in the list matches null columns.
    /// </summary>
    private void AppendIn(InFilter filter, string alias)
    {
        var column = ColumnOf(filter.Field);
        var hasNull = false;
        foreach (var v in filter.Values)
        {
            hasNull |= v is null;
        }

        if (!filter.Negated)
        {
            if (hasNull)
            {
                sql.Append('(').Column(alias, column).Append(" IS NULL OR ");
            }

            sql.Column(alias, column).Append(" = ANY(").AppendArray(filter.Values, filter.Field.Scalar).Append(')');
            if (hasNull)
            {
                sql.Append(')');
            }

            return;
        }

        sql.Append('(').Column(alias, column).Append(hasNull ? " IS NOT NULL AND " : " IS NULL OR ")
            .Column(alias, column).Append(" <> ALL(").AppendArray(filter.Values, filter.Field.Scalar).Append("))");
    }

    /// <summary>LIKE with the value's <c>\</c>, <c>%</c> and <c>_</c> escaped in C# and bound as a parameter, so they match literally.</summary>
    private void AppendStringMatch(StringMatchFilter filter, string alias)
    {
        var escaped = EscapeLike(filter.Value);
        var pattern = filter.Operator switch
        {
            StringMatchOperator.Contains => "%" + escaped + "%",
            StringMatchOperator.StartsWith => escaped + "%",
            StringMatchOperator.EndsWith => "%" + escaped,
            _ => throw new ArgumentException($"Unknown operator {filter.Operator}.", nameof(filter)),
        };
        sql.Column(alias, ColumnOf(filter.Field)).Append(filter.Negated ? " NOT LIKE " : " LIKE ")
            .AppendValue(pattern, ScalarKind.String).Append(" ESCAPE '\\'");
    }

    internal static string EscapeLike(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '%', '_') < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '%' or '_')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary><c>EXISTS (SELECT 1 FROM target tN WHERE tN.id = parent.fk AND inner)</c>: no target, no match.</summary>
    private void AppendToOneFilter(ToOneFilter filter, string alias)
    {
        var number = NextAlias();
        var target = TableAlias(number);
        sql.Append("EXISTS (SELECT 1 FROM ");
        AppendTable(filter.Target).Append(' ').Append(target).Append(" WHERE ")
            .Column(target, ColumnOf(filter.Target.Id)).Append(" = ").Column(alias, ColumnOf(filter.Relation));
        if (!IsAlwaysTrue(filter.Inner))
        {
            sql.Append(" AND ");
            AppendFilter(filter.Inner, target, FilterContext.And);
        }

        sql.Append(')');
    }

    /// <summary>
    /// some: <c>EXISTS (related AND inner)</c>; none: <c>NOT EXISTS (related AND inner)</c>; every:
    /// <c>NOT EXISTS (related AND (inner) IS NOT TRUE)</c>, which holds when there are no related rows.
    /// </summary>
    private void AppendToManyFilter(ToManyFilter filter, string alias)
    {
        var number = NextAlias();
        var target = TableAlias(number);
        sql.Append(filter.Quantifier == ToManyQuantifier.Some ? "EXISTS (SELECT 1 FROM " : "NOT EXISTS (SELECT 1 FROM ");
        var storage = RelationOf(filter.Relation);
        if (storage.Kind == RelationKind.ManyToMany)
        {
            var link = LinkAlias(number);
            sql.Table(model.DataSchema, storage.JoinTable!).Append(' ').Append(link).Append(" JOIN ");
            AppendTable(filter.Target).Append(' ').Append(target).Append(" ON ")
                .Column(target, ColumnOf(filter.Target.Id)).Append(" = ").Column(link, storage.JoinTargetColumn!);
        }
        else
        {
            AppendTable(filter.Target).Append(' ').Append(target);
        }

        sql.Append(" WHERE ");
        AppendCorrelation(filter.Relation, number, alias);
        if (filter.Quantifier == ToManyQuantifier.Every)
        {
            sql.Append(" AND (");
            AppendFilter(filter.Inner, target, FilterContext.Alone);
            sql.Append(") IS NOT TRUE");
        }
        else if (!IsAlwaysTrue(filter.Inner))
        {
            sql.Append(" AND ");
            AppendFilter(filter.Inner, target, FilterContext.And);
        }

        sql.Append(')');
    }

    private static bool IsAlwaysTrue(Filter filter) => filter is AndFilter { Items.Count: 0 };
}
