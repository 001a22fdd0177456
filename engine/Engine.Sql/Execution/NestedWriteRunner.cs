using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Errors;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Compiling;
using Engine.Sql.Errors;
using Npgsql;

namespace Engine.Sql.Execution;

/// <summary>
/// Runs a write with nested writes as a sequence of small statements in one transaction, in foreign key order: a
/// to-one target is written before the row that points at it (a nested create's id is known from the plan, so the
/// row's foreign key is a parameter), to-many targets after it (children get the parent's id, join rows link both).
/// Each statement is compiled when the ids it needs are known. A failure throws <see cref="EngineException"/> whose
/// field is the input path of the failing operation (<c>data.comments.create[2].slug</c>); the caller rolls back.
/// </summary>
/// <remarks>
/// With an <see cref="AccessScope"/> (non-admin callers) every nested update and delete is narrowed to the rows its
/// action may touch on its target, and each row written is remembered so <see cref="CheckWrittenRowsAsync"/> can
/// verify, before the transaction commits, that it satisfies its action's row filter.
/// </remarks>
internal sealed class NestedWriteRunner(IStatementSession session, SchemaModel model, AccessScope? scope = null)
{
    private readonly List<WrittenRow> written = [];

    /// <summary>Inserts <paramref name="resource"/> row <paramref name="id"/> with its nested writes; <paramref name="path"/> is where <paramref name="data"/> is in the input.</summary>
    public async Task<Guid> CreateAsync(ResourceModel resource, Guid id, WriteData data, string path, CancellationToken cancellationToken)
    {
        var relations = await ToOneBeforeAsync(data, null, cancellationToken).ConfigureAwait(false);
        var row = data.Relations.Count == relations.Count ? data : new WriteData(data.Values, relations);
        await WriteAsync(PostgresCompiler.InsertRow(model, resource, id, row, path), resource, path, cancellationToken).ConfigureAwait(false);
        Wrote(resource, AccessAction.Create, id, path);
        await ToManyAfterAsync(resource, id, data, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Updates the row matching <paramref name="where"/> with its nested writes and returns its id, or null when no row
    /// matches. With nested writes the row is locked and read first: they need its id and current foreign keys.
    /// </summary>
    public async Task<Guid?> UpdateAsync(ResourceModel resource, Filter where, WriteData data, string path, CancellationToken cancellationToken)
    {
        if (!data.HasNested)
        {
            var rows = await WriteAsync(PostgresCompiler.UpdateRow(model, resource, where, data, path), resource, path, cancellationToken)
                .ConfigureAwait(false);
            if (rows.Count == 0 || rows[0][0] is not Guid updated)
            {
                return null;
            }

            Wrote(resource, AccessAction.Update, updated, path);
            return updated;
        }

        var foreignKeys = ToOneTargetsOf(data);
        var locked = await session.RunAsync(PostgresCompiler.LockRow(model, resource, where, foreignKeys), cancellationToken).ConfigureAwait(false);
        if (locked.Count == 0)
        {
            return null;
        }

        var id = (Guid)locked[0][0]!;
        var current = new Dictionary<FieldModel, Guid?>(foreignKeys.Count);
        for (var i = 0; i < foreignKeys.Count; i++)
        {
            current[foreignKeys[i]] = locked[0][i + 1] as Guid?;
        }

        var deletes = new List<(NestedDelete Delete, Guid Id)>();
        var relations = await ToOneBeforeAsync(data, (current, deletes), cancellationToken).ConfigureAwait(false);
        var byId = new ComparisonFilter(resource.Id, ComparisonOperator.Equal, id);
        await WriteAsync(PostgresCompiler.UpdateRow(model, resource, byId, new WriteData(data.Values, relations), path), resource, path,
            cancellationToken).ConfigureAwait(false);
        Wrote(resource, AccessAction.Update, id, path);
        foreach (var (delete, targetId) in deletes)
        {
            var byTargetId = Scoped(new ComparisonFilter(delete.Target.Id, ComparisonOperator.Equal, targetId), delete.Target, AccessAction.Delete);
            Found(await RunAsync(PostgresCompiler.DeleteRows(model, delete.Target, byTargetId), delete.Target, delete.Path, false, cancellationToken)
                .ConfigureAwait(false), $"No {delete.Target.Name} is connected through '{delete.Relation.Name}'.", delete.Path);
        }

        await ToManyAfterAsync(resource, id, data, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Updates the row matching <paramref name="where"/>, or creates row <paramref name="createId"/> when there is none; returns the id.</summary>
    public async Task<Guid> UpsertAsync(
        ResourceModel resource, Filter where, Guid createId, WriteData create, WriteData update, string createPath, string updatePath,
        CancellationToken cancellationToken)
    {
        var id = await UpdateAsync(resource, where, update, updatePath, cancellationToken).ConfigureAwait(false);
        return id ?? await CreateAsync(resource, createId, create, createPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the to-one nested writes that must precede the row's own write and returns the row's foreign key changes:
    /// its connects and disconnects, plus a pointer at each target created. <paramref name="existing"/> (updates only)
    /// holds the row's current foreign keys and collects the targets to delete once the row no longer points at them.
    /// </summary>
    private async Task<List<ToOneConnect>> ToOneBeforeAsync(
        WriteData data, (Dictionary<FieldModel, Guid?> Current, List<(NestedDelete, Guid)> Deletes)? existing, CancellationToken cancellationToken)
    {
        var relations = new List<ToOneConnect>(data.Relations);
        foreach (var write in data.Nested)
        {
            if (write.Relation.Kind != FieldKind.ToOne)
            {
                continue;
            }

            Guid? current = existing is { } e ? e.Current[write.Relation] : null;
            switch (write)
            {
                case NestedCreate create:
                    await CreateAsync(create.Target, create.Id, create.Data, create.Path, cancellationToken).ConfigureAwait(false);
                    relations.Add(PointAt(create.Relation, create.Target, create.Id));
                    break;
                case NestedUpdate update:
                    // The connected target always exists (foreign key), so only access rules can make this miss.
                    var toOne = Scoped(ById(update.Target, Connected(update, current)), update.Target, AccessAction.Update)!;
                    _ = await UpdateAsync(update.Target, toOne, update.Data, update.Path, cancellationToken).ConfigureAwait(false)
                        ?? throw NotFound($"No {update.Target.Name} is connected through '{update.Relation.Name}'.", update.Path);
                    break;
                case NestedUpsert upsert when current is { } targetId:
                    _ = await UpdateAsync(upsert.Target, Scoped(ById(upsert.Target, targetId), upsert.Target, AccessAction.Update)!, upsert.Update,
                            upsert.Path + ".update", cancellationToken).ConfigureAwait(false)
                        ?? throw NotFound($"No {upsert.Target.Name} is connected through '{upsert.Relation.Name}'.", upsert.Path);
                    break;
                case NestedUpsert upsert:
                    await CreateAsync(upsert.Target, upsert.CreateId, upsert.Create, upsert.Path + ".create", cancellationToken).ConfigureAwait(false);
                    relations.Add(PointAt(upsert.Relation, upsert.Target, upsert.CreateId));
                    break;
                case NestedDelete delete:
                    // A new row points at nothing yet, so Connected reports NOT_FOUND before a create would get here.
                    var connected = Connected(delete, current);
                    existing!.Value.Deletes.Add((delete, connected));
                    relations.Add(new ToOneConnect(delete.Relation, delete.Target, null));
                    break;
                default:
                    throw new ArgumentException($"{write.GetType().Name} is not a to-one nested write.", nameof(data));
            }
        }

        return relations;
    }

    /// <summary>Runs the to-many nested writes of <paramref name="data"/> for the parent row <paramref name="parentId"/>, in plan order.</summary>
    private async Task ToManyAfterAsync(ResourceModel parent, Guid parentId, WriteData data, CancellationToken cancellationToken)
    {
        foreach (var write in data.Nested)
        {
            if (write.Relation.Kind == FieldKind.ToMany)
            {
                await ToManyAsync(parent, parentId, write, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ToManyAsync(ResourceModel parent, Guid parentId, NestedWrite write, CancellationToken cancellationToken)
    {
        var storage = write.Relation.Relation!;
        var manyToMany = storage.Kind == RelationKind.ManyToMany;
        var target = write.Target;
        var related = new RelatedToFilter(write.Relation, parentId);
        switch (write)
        {
            case NestedCreate create:
                await CreateChildAsync(parent, parentId, create.Relation, target, create.Id, create.Data, create.Path, cancellationToken).ConfigureAwait(false);
                break;
            case NestedConnect connect:
                var linked = manyToMany
                    ? await RunAsync(PostgresCompiler.Link(model, write.Relation, parentId, target, connect.Where), target, write.Path, true, cancellationToken)
                        .ConfigureAwait(false)
                    : Wrote(target, write.Path, await RunAsync(
                        PostgresCompiler.UpdateRows(model, target, Scoped(connect.Where, target, AccessAction.Update), SetParent(parent, write.Relation, target, parentId)),
                        target, write.Path, true, cancellationToken).ConfigureAwait(false));
                Found(linked, $"No {target.Name} matches the connect of '{write.Relation.Name}'.", write.Path);
                break;
            case NestedDisconnect disconnect:
                var unlinked = manyToMany
                    ? await RunAsync(PostgresCompiler.Unlink(model, write.Relation, parentId, target, disconnect.Where), target, write.Path, false,
                        cancellationToken).ConfigureAwait(false)
                    : Wrote(target, write.Path, await RunAsync(
                        PostgresCompiler.UpdateRows(model, target, Scoped(And(related, disconnect.Where), target, AccessAction.Update),
                            SetParent(parent, write.Relation, target, null)),
                        target, write.Path, true, cancellationToken).ConfigureAwait(false));
                Found(unlinked, NotRelated(write), write.Path);
                break;
            case NestedDelete delete:
                Found(await RunAsync(PostgresCompiler.DeleteRows(model, target, Scoped(And(related, delete.Where!), target, AccessAction.Delete)), target,
                    write.Path, false, cancellationToken).ConfigureAwait(false), NotRelated(write), write.Path);
                break;
            case NestedDeleteMany deleteMany:
                await RunAsync(PostgresCompiler.DeleteRows(model, target, Scoped(And(related, deleteMany.Where), target, AccessAction.Delete)), target,
                    write.Path, false, cancellationToken).ConfigureAwait(false);
                break;
            case NestedUpdate update:
                var updated = await UpdateAsync(target, Scoped(And(related, update.Where!), target, AccessAction.Update)!, update.Data, update.Path + ".data",
                    cancellationToken).ConfigureAwait(false);
                if (updated is null)
                {
                    throw NotFound(NotRelated(write), write.Path);
                }

                break;
            case NestedUpdateMany updateMany:
                Wrote(target, write.Path, await RunAsync(
                    PostgresCompiler.UpdateRows(model, target, Scoped(And(related, updateMany.Where), target, AccessAction.Update), updateMany.Data), target,
                    write.Path + ".data", true, cancellationToken).ConfigureAwait(false));
                break;
            case NestedUpsert upsert:
                var existing = await UpdateAsync(target, Scoped(And(related, upsert.Where!), target, AccessAction.Update)!, upsert.Update,
                    upsert.Path + ".update", cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    await CreateChildAsync(parent, parentId, upsert.Relation, target, upsert.CreateId, upsert.Create, upsert.Path + ".create",
                        cancellationToken).ConfigureAwait(false);
                }

                break;
            case NestedSet set:
                await SetAsync(parent, parentId, set, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"{write.GetType().Name} is not a to-many nested write.", nameof(write));
        }
    }

    /// <summary>Creates a target row related to the parent: a child pointing at it (one-to-many), or a row and its join row (many-to-many).</summary>
    private async Task CreateChildAsync(
        ResourceModel parent, Guid parentId, FieldModel relation, ResourceModel target, Guid id, WriteData data, string path, CancellationToken cancellationToken)
    {
        if (relation.Relation!.Kind == RelationKind.ManyToMany)
        {
            await CreateAsync(target, id, data, path, cancellationToken).ConfigureAwait(false);
            await RunAsync(PostgresCompiler.LinkIds(model, relation, parentId, [id]), target, path, true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var foreignKey = ForeignKeyOf(relation, target);
        var child = new WriteData(data.Values, [.. data.Relations, new ToOneConnect(foreignKey, parent, ById(parent, parentId))], data.Nested);
        await CreateAsync(target, id, child, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>set</c>: resolves every target (NOT_FOUND naming the first missing one), unrelates the others, relates these.</summary>
    private async Task SetAsync(ResourceModel parent, Guid parentId, NestedSet set, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(set.Wheres.Count);
        if (set.Wheres.Count > 0)
        {
            var resolved = (await RunAsync(PostgresCompiler.ResolveIds(model, set.Target, set.Wheres), set.Target, set.Path, false, cancellationToken)
                .ConfigureAwait(false))[0];
            for (var i = 0; i < resolved.Length; i++)
            {
                ids.Add(resolved[i] as Guid? ?? throw NotFound($"No {set.Target.Name} matches this item of the set of '{set.Relation.Name}'.", $"{set.Path}[{i}]"));
            }
        }

        if (set.Relation.Relation!.Kind == RelationKind.ManyToMany)
        {
            await RunAsync(PostgresCompiler.UnlinkAllBut(model, set.Relation, parentId, ids), set.Target, set.Path, false, cancellationToken).ConfigureAwait(false);
            if (ids.Count > 0)
            {
                await RunAsync(PostgresCompiler.LinkIds(model, set.Relation, parentId, ids), set.Target, set.Path, true, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var others = And(new RelatedToFilter(set.Relation, parentId), new InFilter(set.Target.Id, Boxed(ids), Negated: true));
        Wrote(set.Target, set.Path, await RunAsync(
            PostgresCompiler.UpdateRows(model, set.Target, Scoped(others, set.Target, AccessAction.Update), SetParent(parent, set.Relation, set.Target, null)),
            set.Target, set.Path, true, cancellationToken).ConfigureAwait(false));
        if (ids.Count > 0)
        {
            var these = new InFilter(set.Target.Id, Boxed(ids), Negated: false);
            Wrote(set.Target, set.Path, await RunAsync(
                PostgresCompiler.UpdateRows(model, set.Target, Scoped(these, set.Target, AccessAction.Update), SetParent(parent, set.Relation, set.Target, parentId)),
                set.Target, set.Path, true, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Runs a statement that writes rows and reports its connect check: NOT_FOUND for a connect whose target was looked up in vain.</summary>
    private async Task<IReadOnlyList<object?[]>> WriteAsync(SqlStatement statement, ResourceModel written, string path, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(statement, written, path, true, cancellationToken).ConfigureAwait(false);
        if (statement.ConnectChecks.Count == 0)
        {
            return rows;
        }

        if (rows[0][1] is int missing)
        {
            var check = statement.ConnectChecks[missing];
            throw NotFound($"No {check.Target.Name} matches the connect of '{check.Relation.Name}'.", check.InputPath);
        }

        // The statement's one row holds NULL when nothing was written (no row matched an update).
        return rows[0][0] is null ? [] : rows;
    }

    /// <summary>Runs one statement; a database error becomes an <see cref="EngineException"/> naming the input at <paramref name="path"/>.</summary>
    private async Task<IReadOnlyList<object?[]>> RunAsync(
        SqlStatement statement, ResourceModel written, string path, bool writesReference, CancellationToken cancellationToken)
    {
        try
        {
            return await session.RunAsync(statement, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            var error = PostgresErrorMapper.MapNested(e, model, written, path, writesReference);
            if (error.Code is ErrorCode.Internal or ErrorCode.Unavailable)
            {
                // The executor maps these again and logs the original.
                throw;
            }

            throw new EngineException(error);
        }
    }

    /// <summary>
    /// Verifies, before the transaction commits, that every row written satisfies its action's row filter in its final
    /// state (one query per resource and action); FORBIDDEN naming the first offending input otherwise.
    /// </summary>
    public async Task CheckWrittenRowsAsync(CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            return;
        }

        foreach (var group in written.GroupBy(w => (w.Resource.Name, w.Action)))
        {
            var first = group.First();
            if (scope.Rows(first.Resource, first.Action) is not { } rows)
            {
                continue;
            }

            var ids = group.Select(w => (object?)w.Id).Distinct().ToArray();
            var outside = await session.RunAsync(PostgresCompiler.FirstOutside(model, first.Resource, ids, rows), cancellationToken).ConfigureAwait(false);
            if (outside.Count > 0 && outside[0][0] is Guid id)
            {
                var path = group.First(w => w.Id == id).Path;
                throw new EngineException(scope.Grant(first.Resource, first.Action).RowForbidden(path));
            }
        }
    }

    /// <summary>A row a nested write created or updated, to check against its action's row filter.</summary>
    private readonly record struct WrittenRow(ResourceModel Resource, AccessAction Action, Guid Id, string Path);

    private void Wrote(ResourceModel resource, AccessAction action, Guid id, string path)
    {
        if (scope is not null)
        {
            written.Add(new WrittenRow(resource, action, id, path));
        }
    }

    /// <summary>Remembers the rows (their ids in the first column) a statement updated, and passes them on.</summary>
    private IReadOnlyList<object?[]> Wrote(ResourceModel resource, string path, IReadOnlyList<object?[]> rows)
    {
        foreach (var row in rows)
        {
            if (row[0] is Guid id)
            {
                Wrote(resource, AccessAction.Update, id, path);
            }
        }

        return rows;
    }

    /// <summary><paramref name="where"/> narrowed to the rows the caller may touch with <paramref name="action"/>.</summary>
    private Filter? Scoped(Filter? where, ResourceModel resource, AccessAction action) =>
        scope is null ? where : scope.Restrict(where, resource, action);

    /// <summary>The to-one relations whose current target an update's nested writes act on (update, upsert, delete).</summary>
    private static List<FieldModel> ToOneTargetsOf(WriteData data)
    {
        var fields = new List<FieldModel>();
        foreach (var write in data.Nested)
        {
            if (write.Relation.Kind == FieldKind.ToOne && write is NestedUpdate or NestedUpsert or NestedDelete && !fields.Contains(write.Relation))
            {
                fields.Add(write.Relation);
            }
        }

        return fields;
    }

    /// <summary>The target's to-one field holding a one-to-many relation's foreign key.</summary>
    private static FieldModel ForeignKeyOf(FieldModel relation, ResourceModel target) =>
        target.Field(relation.Relation!.Inverse!) ?? throw new ArgumentException($"The one-to-many '{relation.Name}' has no foreign key field.", nameof(relation));

    /// <summary>Data that points a one-to-many's children at the parent (or at nothing).</summary>
    private static WriteData SetParent(ResourceModel parent, FieldModel relation, ResourceModel target, Guid? parentId) =>
        new([], [new ToOneConnect(ForeignKeyOf(relation, target), parent, parentId is { } id ? ById(parent, id) : null)]);

    private static ToOneConnect PointAt(FieldModel relation, ResourceModel target, Guid id) => new(relation, target, ById(target, id));

    private static ComparisonFilter ById(ResourceModel resource, Guid id) => new(resource.Id, ComparisonOperator.Equal, id);

    private static Filter And(Filter scope, Filter? where) => where is null ? scope : new AndFilter([scope, where]);

    private static Guid Connected(NestedWrite write, Guid? current) =>
        current ?? throw NotFound($"No {write.Target.Name} is connected through '{write.Relation.Name}'.", write.Path);

    private static string NotRelated(NestedWrite write) =>
        $"No {write.Target.Name} related through '{write.Relation.Name}' matches the where.";

    private static void Found(IReadOnlyList<object?[]> rows, string message, string path)
    {
        if (rows.Count == 0)
        {
            throw NotFound(message, path);
        }
    }

    private static EngineException NotFound(string message, string path) => new(new EngineError(ErrorCode.NotFound, message, path));

    private static object?[] Boxed(List<Guid> ids)
    {
        var values = new object?[ids.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ids[i];
        }

        return values;
    }
}
