using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary><c>WITH w AS (INSERT … RETURNING *) SELECT json_build_object(…) FROM w t0 …</c>.</summary>
    private void Create(CreatePlan plan) =>
        CreateRow(plan.Resource, plan.Id, plan.Data, "data", plan.Selection.Items, WriteAccess.Of(plan.Visible, new WrittenRows("w", plan.Check)));

    /// <summary><c>WITH w AS (UPDATE … t0 SET …, updated_at = now() WHERE … RETURNING t0.*) SELECT …</c>; no row → null.</summary>
    private void Update(UpdatePlan plan) =>
        UpdateRow(plan.Resource, plan.Where, plan.Data, "data", plan.Selection.Items, WriteAccess.Of(plan.Visible, new WrittenRows("w", plan.Check)));

    /// <summary>Inserts one row and selects <paramref name="items"/> of it, or only its id when <paramref name="items"/> is null.</summary>
    private void CreateRow(
        ResourceModel resource, Guid id, WriteData data, string inputPath, IReadOnlyList<SelectionItem>? items, WriteAccess? access = null)
    {
        var alias = TableAlias(NextAlias());
        List<Lookup>? lookups = null;
        CollectLookups(data, inputPath, LookupBranch.Always, ref lookups);
        sql.Append("WITH ");
        if (lookups is not null)
        {
            AppendLookupCte(lookups, null, null);
        }

        sql.Append("w AS (").Indent();
        AppendInsert(resource, id, data, lookups, LookupBranch.Always, upsert: false);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendWriteResult(items, "w", alias, lookups, access);
    }

    /// <summary>Updates the row matching a unique filter and selects <paramref name="items"/> of it, or only its id when null.</summary>
    private void UpdateRow(
        ResourceModel resource, Filter where, WriteData data, string inputPath, IReadOnlyList<SelectionItem>? items, WriteAccess? access = null)
    {
        var alias = TableAlias(NextAlias());
        List<Lookup>? lookups = null;
        CollectLookups(data, inputPath, LookupBranch.Always, ref lookups);
        sql.Append("WITH ");
        if (lookups is not null)
        {
            AppendLookupCte(lookups, null, null);
        }

        sql.Append("w AS (").Indent();
        AppendUpdate(resource, alias, where, data, lookups, LookupBranch.Always, returnRows: true);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendWriteResult(items, "w", alias, lookups, access);
    }

    /// <summary><c>WITH w AS (DELETE FROM … t0 WHERE … RETURNING t0.*) SELECT …</c>: the row as it was; no row → null.</summary>
    private void Delete(DeletePlan plan)
    {
        var alias = TableAlias(NextAlias());
        sql.Append("WITH w AS (").Indent();
        AppendDelete(plan.Resource, alias, plan.Where, returnRows: true);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendWriteResult(plan.Selection.Items, "w", alias, null, WriteAccess.Of(plan.Visible, new WrittenRows("w", null)));
    }

    /// <summary>
    /// <c>WITH u AS (UPDATE …), i AS (INSERT … WHERE NOT EXISTS (SELECT 1 FROM u)) SELECT … FROM (u UNION ALL i) t0</c>.
    /// Two concurrent upserts of a missing row may both insert; the unique index turns the second into UNIQUE_VIOLATION.
    /// </summary>
    private void Upsert(UpsertPlan plan)
    {
        var alias = TableAlias(NextAlias());
        List<Lookup>? lookups = null;
        CollectLookups(plan.Update, "update", LookupBranch.WhenRowExists, ref lookups);
        CollectLookups(plan.Create, "create", LookupBranch.WhenRowMissing, ref lookups);
        sql.Append("WITH ");
        if (lookups is not null)
        {
            AppendLookupCte(lookups, plan.Resource, plan.Where);
        }

        sql.Append("u AS (").Indent();
        AppendUpdate(plan.Resource, alias, plan.Where, plan.Update, lookups, LookupBranch.WhenRowExists, returnRows: true);
        sql.Outdent().NewLine().Append("),").NewLine().Append("i AS (").Indent();
        AppendInsert(plan.Resource, plan.CreateId, plan.Create, lookups, LookupBranch.WhenRowMissing, upsert: true);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendWriteResult(plan.Selection.Items, "(SELECT * FROM u UNION ALL SELECT * FROM i)", alias, lookups,
            WriteAccess.Of(plan.Visible, new WrittenRows("u", plan.UpdateCheck), new WrittenRows("i", plan.CreateCheck)));
    }

    /// <summary><c>WITH w AS (UPDATE … RETURNING 1) SELECT json_build_object('count', count(*)::text) FROM w</c>.</summary>
    private void UpdateMany(UpdateManyPlan plan)
    {
        var alias = TableAlias(NextAlias());
        List<Lookup>? lookups = null;
        CollectLookups(plan.Data, "data", LookupBranch.Always, ref lookups);
        sql.Append("WITH ");
        if (lookups is not null)
        {
            AppendLookupCte(lookups, null, null);
        }

        sql.Append("w AS (").Indent();
        AppendUpdate(plan.Resource, alias, plan.Where, plan.Data, lookups, LookupBranch.Always, returnRows: plan.Check is not null);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendBatchResult(plan.Selection, lookups, WriteAccess.Of(null, new WrittenRows("w", plan.Check)));
    }

    /// <summary><c>WITH w AS (DELETE … RETURNING 1) SELECT json_build_object('count', count(*)::text) FROM w</c>.</summary>
    private void DeleteMany(DeleteManyPlan plan)
    {
        var alias = TableAlias(NextAlias());
        sql.Append("WITH w AS (").Indent();
        AppendDelete(plan.Resource, alias, plan.Where, returnRows: false);
        sql.Outdent().NewLine().Append(')').NewLine();
        AppendBatchResult(plan.Selection, null, null);
    }

    /// <summary>
    /// <c>INSERT INTO t (id, created_at, updated_at, cols…) VALUES (…) RETURNING *</c>; with lookups it selects from
    /// <c>c</c> and inserts nothing when a target is missing; an upsert's insert runs only when no row was updated.
    /// </summary>
    private void AppendInsert(ResourceModel resource, Guid id, WriteData data, List<Lookup>? lookups, LookupBranch branch, bool upsert)
    {
        var setsCreatedAt = Writes(data, "createdAt");
        var setsUpdatedAt = Writes(data, "updatedAt");
        sql.Append("INSERT INTO ");
        AppendTable(resource).Append(" (").Identifier(ColumnOf(resource.Id));
        if (!setsCreatedAt)
        {
            sql.Append(", \"created_at\"");
        }

        if (!setsUpdatedAt)
        {
            sql.Append(", \"updated_at\"");
        }

        foreach (var value in data.Values)
        {
            sql.Append(", ").Identifier(ColumnOf(value.Field));
        }

        foreach (var connect in data.Relations)
        {
            sql.Append(", ").Identifier(ColumnOf(connect.Relation));
        }

        sql.Append(')').NewLine().Append(lookups is null && !upsert ? "VALUES (" : "SELECT ").AppendValue(id, ScalarKind.Id);
        if (!setsCreatedAt)
        {
            sql.Append(", now()");
        }

        if (!setsUpdatedAt)
        {
            sql.Append(", now()");
        }

        foreach (var value in data.Values)
        {
            sql.Append(", ").AppendValue(value.Value, value.Field.Scalar);
        }

        foreach (var connect in data.Relations)
        {
            sql.Append(", ");
            AppendConnectValue(connect, lookups);
        }

        if (lookups is not null)
        {
            sql.NewLine().Append("FROM c WHERE ");
            if (upsert)
            {
                sql.Append("NOT c.e");
            }

            AppendLookupGuards(lookups, branch, leadingAnd: upsert);
        }
        else if (upsert)
        {
            sql.NewLine().Append("WHERE NOT EXISTS (SELECT 1 FROM u)");
        }
        else
        {
            sql.Append(')');
        }

        sql.NewLine().Append("RETURNING *");
    }

    /// <summary><c>UPDATE t t0 SET cols…, updated_at = now() [FROM c] WHERE … RETURNING t0.*</c> (or <c>RETURNING 1</c> to count).</summary>
    private void AppendUpdate(
        ResourceModel resource, string alias, Filter? where, WriteData data, List<Lookup>? lookups, LookupBranch branch, bool returnRows)
    {
        sql.Append("UPDATE ");
        AppendTable(resource).Append(' ').Append(alias).NewLine().Append("SET ");
        var first = true;
        foreach (var value in data.Values)
        {
            if (!first)
            {
                sql.Append(", ");
            }

            sql.Identifier(ColumnOf(value.Field)).Append(" = ").AppendValue(value.Value, value.Field.Scalar);
            first = false;
        }

        foreach (var connect in data.Relations)
        {
            if (!first)
            {
                sql.Append(", ");
            }

            sql.Identifier(ColumnOf(connect.Relation)).Append(" = ");
            AppendConnectValue(connect, lookups);
            first = false;
        }

        if (!Writes(data, "updatedAt"))
        {
            sql.Append(first ? "\"updated_at\" = now()" : ", \"updated_at\" = now()");
        }

        var usesLookups = HasBranch(lookups, branch);
        if (usesLookups)
        {
            sql.NewLine().Append("FROM c");
        }

        var hasWhere = where is not null && !IsAlwaysTrue(where);
        if (hasWhere || usesLookups)
        {
            sql.NewLine().Append("WHERE ");
            if (hasWhere)
            {
                AppendFilter(where!, alias, usesLookups ? FilterContext.And : FilterContext.Alone);
            }

            AppendLookupGuards(lookups, branch, leadingAnd: hasWhere);
        }

        sql.NewLine().Append(returnRows ? "RETURNING " + alias + ".*" : "RETURNING 1");
    }

    /// <summary><c>DELETE FROM t t0 WHERE … RETURNING t0.*</c> (or <c>RETURNING 1</c> to count).</summary>
    private void AppendDelete(ResourceModel resource, string alias, Filter? where, bool returnRows)
    {
        sql.Append("DELETE FROM ");
        AppendTable(resource).Append(' ').Append(alias);
        if (where is not null && !IsAlwaysTrue(where))
        {
            sql.NewLine().Append("WHERE ");
            AppendFilter(where, alias, FilterContext.Alone);
        }

        sql.NewLine().Append(returnRows ? "RETURNING " + alias + ".*" : "RETURNING 1");
    }

    /// <summary>
    /// The JSON of the written row read from <paramref name="source"/> (relations looked up as in reads), or its id when
    /// <paramref name="items"/> is null (a step of a nested write). With lookups the statement always returns one row:
    /// the JSON (NULL when nothing was written) and the missing connect's index.
    /// </summary>
    private void AppendWriteResult(IReadOnlyList<SelectionItem>? items, string source, string alias, List<Lookup>? lookups, WriteAccess? access)
    {
        if (access is not null)
        {
            AppendCheckedWriteResult(items!, source, alias, lookups, access);
            return;
        }

        if (lookups is not null)
        {
            sql.Append("SELECT (").Indent();
        }

        sql.Append("SELECT ");
        if (items is null)
        {
            sql.Column(alias, "id").NewLine().Append("FROM ").Append(source).Append(' ').Append(alias);
        }
        else
        {
            var joins = AppendObject(items, alias);
            sql.NewLine().Append("FROM ").Append(source).Append(' ').Append(alias);
            AppendLateralJoins(joins, alias);
        }
        if (lookups is not null)
        {
            sql.Outdent().NewLine().Append("), ");
            AppendLookupCheck(lookups);
            sql.NewLine().Append("FROM c");
        }
    }

    /// <summary>The <c>BatchPayload</c> of a bulk write: <c>count</c> as a JSON string, plus any <c>__typename</c>.</summary>
    private void AppendBatchResult(BatchSelection selection, List<Lookup>? lookups, WriteAccess? access)
    {
        sql.Append("SELECT ");
        if (lookups is not null)
        {
            sql.Append("(SELECT ");
        }

        AppendObject(selection.Items, "w");
        if (lookups is not null)
        {
            sql.Append(" FROM w), ");
            AppendLookupCheck(lookups);
        }

        if (access is not null)
        {
            sql.Append(", ");
            AppendWriteCheck(access.Written);
        }

        sql.Append(lookups is not null ? " FROM c" : " FROM w");
    }

    private static bool Writes(WriteData data, string fieldName)
    {
        foreach (var value in data.Values)
        {
            if (value.Field.Name == fieldName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBranch(List<Lookup>? lookups, LookupBranch branch)
    {
        if (lookups is null)
        {
            return false;
        }

        foreach (var lookup in lookups)
        {
            if (lookup.Branch == branch)
            {
                return true;
            }
        }

        return false;
    }
}
