using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

/// <summary>
/// The statements a nested write runs one after another in one transaction (see <c>NestedWriteRunner</c>). Each is
/// small and parameterized; every id it needs is known by the time it is compiled, so no statement depends on another's
/// text. Statements that touch a set of rows return their ids, so the runner can tell "none matched" (NOT_FOUND).
/// </summary>
public sealed partial class PostgresCompiler
{
    /// <summary><c>WITH w AS (INSERT … RETURNING *) SELECT t0.id FROM w t0</c> (with a connect check column when a connect is looked up).</summary>
    internal static SqlStatement InsertRow(SchemaModel model, ResourceModel resource, Guid id, WriteData data, string inputPath)
    {
        var compiler = new PostgresCompiler(model);
        compiler.CreateRow(resource, id, data, inputPath, items: null);
        return compiler.sql.Build(compiler.connectChecks);
    }

    /// <summary><c>WITH w AS (UPDATE … WHERE &lt;unique&gt; RETURNING t0.*) SELECT t0.id FROM w t0</c>: no row when nothing matched.</summary>
    internal static SqlStatement UpdateRow(SchemaModel model, ResourceModel resource, Filter where, WriteData data, string inputPath)
    {
        var compiler = new PostgresCompiler(model);
        compiler.UpdateRow(resource, where, data, inputPath, items: null);
        return compiler.sql.Build(compiler.connectChecks);
    }

    /// <summary>
    /// <c>WITH w AS (UPDATE … WHERE … RETURNING t0.*) SELECT t0.id FROM w t0</c>: every matching row, for
    /// <c>updateMany</c> and for pointing a one-to-many's foreign keys at the parent (connect, disconnect, set).
    /// <paramref name="data"/> connects only by id.
    /// </summary>
    internal static SqlStatement UpdateRows(SchemaModel model, ResourceModel resource, Filter? where, WriteData data)
    {
        var compiler = new PostgresCompiler(model);
        var alias = TableAlias(compiler.NextAlias());
        compiler.sql.Append("WITH w AS (").Indent();
        compiler.AppendUpdate(resource, alias, where, data, null, LookupBranch.Always, returnRows: true);
        compiler.sql.Outdent().NewLine().Append(')').NewLine().Append("SELECT ").Column(alias, "id").Append(" FROM w ").Append(alias);
        return compiler.sql.Build([]);
    }

    /// <summary><c>DELETE FROM t t0 WHERE … RETURNING t0.id</c>.</summary>
    internal static SqlStatement DeleteRows(SchemaModel model, ResourceModel resource, Filter? where)
    {
        var compiler = new PostgresCompiler(model);
        var alias = TableAlias(compiler.NextAlias());
        var sql = compiler.sql;
        sql.Append("DELETE FROM ");
        compiler.AppendTable(resource).Append(' ').Append(alias);
        if (where is not null && !IsAlwaysTrue(where))
        {
            sql.NewLine().Append("WHERE ");
            compiler.AppendFilter(where, alias, FilterContext.Alone);
        }

        sql.NewLine().Append("RETURNING ").Column(alias, "id");
        return sql.Build([]);
    }

    /// <summary>
    /// <c>SELECT t0.id, t0.fk… FROM t t0 WHERE &lt;unique&gt; FOR UPDATE</c>: the row an update with nested writes changes,
    /// locked for the transaction, with the foreign keys its to-one nested writes act on.
    /// </summary>
    internal static SqlStatement LockRow(SchemaModel model, ResourceModel resource, Filter where, IReadOnlyList<FieldModel> foreignKeys)
    {
        var compiler = new PostgresCompiler(model);
        var alias = TableAlias(compiler.NextAlias());
        var sql = compiler.sql;
        sql.Append("SELECT ").Column(alias, "id");
        foreach (var field in foreignKeys)
        {
            sql.Append(", ").Column(alias, ColumnOf(field));
        }

        sql.NewLine().Append("FROM ");
        compiler.AppendTable(resource).Append(' ').Append(alias).NewLine().Append("WHERE ");
        compiler.AppendFilter(where, alias, FilterContext.Alone);
        sql.NewLine().Append("FOR UPDATE");
        return sql.Build([]);
    }

    /// <summary>
    /// Relates the target matching <paramref name="where"/> to the parent through a many-to-many join table:
    /// <c>WITH s AS (SELECT t0.id … WHERE …), i AS (INSERT INTO join … ON CONFLICT DO NOTHING) SELECT s.id FROM s</c>;
    /// no row when there is no such target. Linking an already related target changes nothing.
    /// </summary>
    internal static SqlStatement Link(SchemaModel model, FieldModel relation, Guid parentId, ResourceModel target, Filter where)
    {
        var compiler = new PostgresCompiler(model);
        var storage = RelationOf(relation);
        var alias = TableAlias(compiler.NextAlias());
        var sql = compiler.sql;
        sql.Append("WITH s AS (SELECT ").Column(alias, "id").Append(" FROM ");
        compiler.AppendTable(target).Append(' ').Append(alias).Append(" WHERE ");
        compiler.AppendFilter(where, alias, FilterContext.Alone);
        sql.Append("),").NewLine().Append("i AS (").Indent().Append("INSERT INTO ");
        compiler.AppendJoinTable(storage).NewLine().Append("SELECT ").AppendValue(parentId, ScalarKind.Id).Append(", s.\"id\" FROM s")
            .NewLine().Append("ON CONFLICT DO NOTHING").Outdent().NewLine().Append(')').NewLine().Append("SELECT s.\"id\" FROM s");
        return sql.Build([]);
    }

    /// <summary><c>INSERT INTO join (source, target) SELECT $1, unnest($2) ON CONFLICT DO NOTHING</c>.</summary>
    internal static SqlStatement LinkIds(SchemaModel model, FieldModel relation, Guid parentId, IReadOnlyList<Guid> ids)
    {
        var compiler = new PostgresCompiler(model);
        var sql = compiler.sql;
        sql.Append("INSERT INTO ");
        compiler.AppendJoinTable(RelationOf(relation)).NewLine().Append("SELECT ").AppendValue(parentId, ScalarKind.Id).Append(", unnest(")
            .AppendArray(Boxed(ids), ScalarKind.Id).Append(')').NewLine().Append("ON CONFLICT DO NOTHING");
        return sql.Build([]);
    }

    /// <summary>
    /// Unrelates the target matching <paramref name="where"/> from the parent:
    /// <c>DELETE FROM join m0 WHERE m0.source = $1 AND m0.target IN (SELECT t0.id … WHERE …) RETURNING m0.target</c>.
    /// </summary>
    internal static SqlStatement Unlink(SchemaModel model, FieldModel relation, Guid parentId, ResourceModel target, Filter where)
    {
        var compiler = new PostgresCompiler(model);
        var storage = RelationOf(relation);
        var number = compiler.NextAlias();
        var link = LinkAlias(number);
        var alias = TableAlias(number);
        var sql = compiler.sql;
        sql.Append("DELETE FROM ").Table(model.DataSchema, storage.JoinTable!).Append(' ').Append(link).NewLine()
            .Append("WHERE ").Column(link, storage.JoinSourceColumn!).Append(" = ").AppendValue(parentId, ScalarKind.Id)
            .Append(" AND ").Column(link, storage.JoinTargetColumn!).Append(" IN (SELECT ").Column(alias, "id").Append(" FROM ");
        compiler.AppendTable(target).Append(' ').Append(alias).Append(" WHERE ");
        compiler.AppendFilter(where, alias, FilterContext.Alone);
        sql.Append(')').NewLine().Append("RETURNING ").Column(link, storage.JoinTargetColumn!);
        return sql.Build([]);
    }

    /// <summary><c>DELETE FROM join m0 WHERE m0.source = $1 AND m0.target &lt;&gt; ALL($2)</c>: the first half of a many-to-many <c>set</c>.</summary>
    internal static SqlStatement UnlinkAllBut(SchemaModel model, FieldModel relation, Guid parentId, IReadOnlyList<Guid> ids)
    {
        var compiler = new PostgresCompiler(model);
        var storage = RelationOf(relation);
        var link = LinkAlias(compiler.NextAlias());
        compiler.sql.Append("DELETE FROM ").Table(model.DataSchema, storage.JoinTable!).Append(' ').Append(link).NewLine()
            .Append("WHERE ").Column(link, storage.JoinSourceColumn!).Append(" = ").AppendValue(parentId, ScalarKind.Id)
            .Append(" AND ").Column(link, storage.JoinTargetColumn!).Append(" <> ALL(").AppendArray(Boxed(ids), ScalarKind.Id).Append(')');
        return compiler.sql.Build([]);
    }

    /// <summary><c>SELECT (SELECT t0.id FROM t t0 WHERE …) AS c0, …</c>: the ids of the targets of a <c>set</c>, NULL for a missing one.</summary>
    internal static SqlStatement ResolveIds(SchemaModel model, ResourceModel target, IReadOnlyList<Filter> wheres)
    {
        var compiler = new PostgresCompiler(model);
        var sql = compiler.sql;
        sql.Append("SELECT ");
        for (var i = 0; i < wheres.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(',').NewLine().Append("  ");
            }

            var alias = TableAlias(compiler.NextAlias());
            sql.Append("(SELECT ").Column(alias, "id").Append(" FROM ");
            compiler.AppendTable(target).Append(' ').Append(alias).Append(" WHERE ");
            compiler.AppendFilter(wheres[i], alias, FilterContext.Alone);
            sql.Append(") AS c").Number(i);
        }

        return sql.Build([]);
    }

    /// <summary>
    /// <see cref="RelatedToFilter"/>: <c>t0.fk = $1</c> for a one-to-many, or
    /// <c>EXISTS (SELECT 1 FROM join mN WHERE mN.target = t0.id AND mN.source = $1)</c> for a many-to-many.
    /// </summary>
    private void AppendRelatedTo(RelatedToFilter filter, string alias)
    {
        var storage = RelationOf(filter.Relation);
        switch (storage.Kind)
        {
            case RelationKind.OneToMany:
                sql.Column(alias, storage.ForeignKeyColumn!).Append(" = ").AppendValue(filter.ParentId, ScalarKind.Id);
                break;
            case RelationKind.ManyToMany:
                var link = LinkAlias(NextAlias());
                sql.Append("EXISTS (SELECT 1 FROM ").Table(model.DataSchema, storage.JoinTable!).Append(' ').Append(link)
                    .Append(" WHERE ").Column(link, storage.JoinTargetColumn!).Append(" = ").Column(alias, "id")
                    .Append(" AND ").Column(link, storage.JoinSourceColumn!).Append(" = ").AppendValue(filter.ParentId, ScalarKind.Id).Append(')');
                break;
            default:
                throw new ArgumentException($"The relation '{filter.Relation.Name}' is not to-many.", nameof(filter));
        }
    }

    /// <summary><c>"data"."post_tags" ("post_id", "tag_id")</c>: a join table with its source and target columns.</summary>
    private Building.CommandBuilder AppendJoinTable(RelationModel storage) =>
        sql.Table(model.DataSchema, storage.JoinTable!).Append(" (").Identifier(storage.JoinSourceColumn!).Append(", ")
            .Identifier(storage.JoinTargetColumn!).Append(')');

    private static object?[] Boxed(IReadOnlyList<Guid> ids)
    {
        var values = new object?[ids.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ids[i];
        }

        return values;
    }
}
