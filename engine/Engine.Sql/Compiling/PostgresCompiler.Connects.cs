using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>When a looked-up connect matters in an upsert: always, or only in the update or the insert branch.</summary>
    private enum LookupBranch
    {
        Always,
        WhenRowExists,
        WhenRowMissing,
    }

    /// <summary>A connect by a unique filter other than <c>id = constant</c>: its target id is looked up as column <c>c.c{Index}</c>.</summary>
    private readonly record struct Lookup(ToOneConnect Connect, int Index, LookupBranch Branch);

    /// <summary>
    /// Registers the connects of <paramref name="data"/> that need a lookup. Each becomes a <see cref="ConnectCheck"/>:
    /// when its target is missing the write is skipped and the statement's second column names it, so the caller
    /// reports NOT_FOUND for that relation instead of writing NULL (or failing on NOT NULL).
    /// </summary>
    private void CollectLookups(WriteData data, string inputPath, LookupBranch branch, ref List<Lookup>? lookups)
    {
        foreach (var connect in data.Relations)
        {
            if (connect.Where is null || ConstantId(connect) is not null)
            {
                continue;
            }

            connectChecks.Add(new ConnectCheck(connect.Relation, connect.Target, inputPath + "." + connect.Relation.Name));
            (lookups ??= []).Add(new Lookup(connect, connectChecks.Count - 1, branch));
        }
    }

    /// <summary>The id of a connect by <c>id = constant</c>, which needs no lookup: the foreign key checks it.</summary>
    private static Guid? ConstantId(ToOneConnect connect) =>
        connect.Where is ComparisonFilter { Operator: ComparisonOperator.Equal, Value: Guid id } c && c.Field.Name == "id" ? id : null;

    /// <summary>
    /// <c>c AS (SELECT (SELECT tN.id FROM target tN WHERE …) AS c0, … [, EXISTS (…) AS e])</c>; <c>e</c> (upserts only)
    /// says whether the row to update exists, evaluated once so both branches agree.
    /// </summary>
    private void AppendLookupCte(List<Lookup> lookups, ResourceModel? upsertResource, Filter? upsertWhere)
    {
        sql.Append("c AS (").Indent().Append("SELECT ");
        for (var i = 0; i < lookups.Count; i++)
        {
            var lookup = lookups[i];
            if (i > 0)
            {
                sql.Append(',').NewLine().Append("  ");
            }

            var alias = TableAlias(NextAlias());
            sql.Append("(SELECT ").Column(alias, ColumnOf(lookup.Connect.Target.Id)).Append(" FROM ");
            AppendTable(lookup.Connect.Target).Append(' ').Append(alias).Append(" WHERE ");
            AppendFilter(lookup.Connect.Where!, alias, FilterContext.Alone);
            sql.Append(") AS c").Number(lookup.Index);
        }

        if (upsertResource is not null)
        {
            var alias = TableAlias(NextAlias());
            sql.Append(',').NewLine().Append("  EXISTS (SELECT 1 FROM ");
            AppendTable(upsertResource).Append(' ').Append(alias).Append(" WHERE ");
            AppendFilter(upsertWhere!, alias, FilterContext.Alone);
            sql.Append(") AS e");
        }

        sql.Outdent().NewLine().Append("),").NewLine();
    }

    /// <summary>The value a connect writes into its foreign key column.</summary>
    private void AppendConnectValue(ToOneConnect connect, List<Lookup>? lookups)
    {
        if (connect.Where is null)
        {
            sql.Append("NULL");
            return;
        }

        if (ConstantId(connect) is { } id)
        {
            sql.AppendValue(id, ScalarKind.Id);
            return;
        }

        foreach (var lookup in lookups!)
        {
            if (ReferenceEquals(lookup.Connect, connect))
            {
                sql.Append("c.c").Number(lookup.Index);
                return;
            }
        }

        throw new InvalidOperationException($"The connect of '{connect.Relation.Name}' was not registered as a lookup.");
    }

    /// <summary>Appends <c>c.c0 IS NOT NULL AND …</c> for the lookups of one branch; returns whether it wrote any.</summary>
    private bool AppendLookupGuards(List<Lookup>? lookups, LookupBranch branch, bool leadingAnd)
    {
        var wrote = false;
        if (lookups is null)
        {
            return false;
        }

        foreach (var lookup in lookups)
        {
            if (lookup.Branch != branch)
            {
                continue;
            }

            if (wrote || leadingAnd)
            {
                sql.Append(" AND ");
            }

            sql.Append("c.c").Number(lookup.Index).Append(" IS NOT NULL");
            wrote = true;
        }

        return wrote;
    }

    /// <summary><c>CASE WHEN c.c0 IS NULL THEN 0 … END</c>: the first connect (of the branch taken) whose target is missing.</summary>
    private void AppendLookupCheck(List<Lookup> lookups)
    {
        sql.Append("CASE");
        foreach (var lookup in lookups)
        {
            sql.Append(" WHEN ").Append(lookup.Branch switch
            {
                LookupBranch.WhenRowExists => "c.e AND ",
                LookupBranch.WhenRowMissing => "NOT c.e AND ",
                _ => "",
            }).Append("c.c").Number(lookup.Index).Append(" IS NULL THEN ").Number(lookup.Index);
        }

        sql.Append(" END");
    }
}
