using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>
    /// The access rules of a write that runs as one statement (plans rewritten by <c>AccessPlanRewriter</c>): which
    /// returned rows the caller may read, and which rules the written rows must satisfy.
    /// </summary>
    /// <param name="Visible">The rows the result may show (else it is null); null for all.</param>
    /// <param name="Written">The CTEs holding written rows, each with the rule its rows must satisfy.</param>
    private sealed record WriteAccess(Filter? Visible, IReadOnlyList<WrittenRows> Written)
    {
        /// <summary>Null when no rule applies, so plans without access rules compile exactly as before.</summary>
        public static WriteAccess? Of(Filter? visible, params WrittenRows[] written) =>
            visible is null && written.All(w => w.Check is null) ? null : new WriteAccess(visible, written);
    }

    /// <summary>Rows written into the CTE <paramref name="Source"/> (<c>w</c>, <c>u</c>, <c>i</c>) and the rule they must satisfy (null for none).</summary>
    private readonly record struct WrittenRows(string Source, Filter? Check);

    /// <summary>
    /// <c>SELECT (SELECT json_build_object(…) FROM w t0 … WHERE &lt;visible&gt;), [lookup check,] (write check) [FROM c]</c>:
    /// always one row, so a written row the caller may not read gives a null object rather than "nothing written".
    /// </summary>
    private void AppendCheckedWriteResult(IReadOnlyList<SelectionItem> items, string source, string alias, List<Lookup>? lookups, WriteAccess access)
    {
        hasWriteCheck = true;
        sql.Append("SELECT (").Indent().Append("SELECT ");
        var joins = AppendObject(items, alias);
        sql.NewLine().Append("FROM ").Append(source).Append(' ').Append(alias);
        AppendLateralJoins(joins, alias);
        if (access.Visible is { } visible)
        {
            sql.NewLine().Append("WHERE ");
            AppendFilter(visible, alias, FilterContext.Alone);
        }

        sql.Outdent().NewLine().Append("), ");
        if (lookups is not null)
        {
            AppendLookupCheck(lookups);
            sql.Append(", ");
        }

        AppendWriteCheck(access.Written);
        if (lookups is not null)
        {
            sql.NewLine().Append("FROM c");
        }
    }

    /// <summary>
    /// <c>(SELECT bool_and(k.ok) FROM (SELECT (&lt;rule&gt;) IS TRUE AS ok FROM w tN …) k)</c>: NULL when nothing was
    /// written, false when a written row breaks its rule. The rule is evaluated on the rows as written (RETURNING), in
    /// the statement itself, so no row is read back.
    /// </summary>
    private void AppendWriteCheck(IReadOnlyList<WrittenRows> written)
    {
        hasWriteCheck = true;
        sql.Append("(SELECT bool_and(k.ok) FROM (");
        for (var i = 0; i < written.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(" UNION ALL ");
            }

            var alias = TableAlias(NextAlias());
            sql.Append("SELECT ");
            if (written[i].Check is { } check)
            {
                sql.Append('(');
                AppendFilter(check, alias, FilterContext.Alone);
                sql.Append(") IS TRUE");
            }
            else
            {
                sql.Append("TRUE");
            }

            sql.Append(" AS ok FROM ").Append(written[i].Source).Append(' ').Append(alias);
        }

        sql.Append(") k)");
    }

    /// <summary>
    /// <c>SELECT t0.id FROM t t0 WHERE t0.id = ANY($1) AND (&lt;rule&gt;) IS NOT TRUE LIMIT 1</c>: a row a nested write
    /// wrote that breaks its action's row filter, checked before the transaction commits.
    /// </summary>
    internal static SqlStatement FirstOutside(SchemaModel model, ResourceModel resource, IReadOnlyList<object?> ids, Filter rule)
    {
        var compiler = new PostgresCompiler(model);
        var alias = TableAlias(compiler.NextAlias());
        var sql = compiler.sql;
        sql.Append("SELECT ").Column(alias, ColumnOf(resource.Id)).NewLine().Append("FROM ");
        compiler.AppendTable(resource).Append(' ').Append(alias);
        sql.NewLine().Append("WHERE ").Column(alias, ColumnOf(resource.Id)).Append(" = ANY(").AppendArray(ids, ScalarKind.Id).Append(") AND (");
        compiler.AppendFilter(rule, alias, FilterContext.Alone);
        sql.Append(") IS NOT TRUE").NewLine().Append("LIMIT 1");
        return sql.Build([]);
    }
}
