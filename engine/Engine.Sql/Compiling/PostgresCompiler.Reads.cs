using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary><c>SELECT json_build_object(…) FROM "data"."post" t0 … WHERE &lt;unique filter&gt;</c>: one row, or none (null).</summary>
    private void FindUnique(FindUniquePlan plan)
    {
        var alias = TableAlias(NextAlias());
        sql.Append("SELECT ");
        var joins = AppendObject(plan.Selection.Items, alias);
        sql.NewLine().Append("FROM ");
        AppendTable(plan.Resource).Append(' ').Append(alias);
        AppendLateralJoins(joins, alias);
        sql.NewLine().Append("WHERE ");
        AppendFilter(plan.Where, alias, FilterContext.Alone);
    }

    /// <summary><c>SELECT coalesce(json_agg(… ORDER BY …), '[]'::json) FROM …</c>: always a list.</summary>
    private void FindMany(FindManyPlan plan) =>
        AppendList(plan.Resource, plan.Arguments, plan.Selection, NextAlias(), relation: null, parentAlias: null);
}
