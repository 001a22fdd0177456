using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns a relation's nested write input (<c>{ create, connect, ... }</c>) into <see cref="ToOneConnect"/>s (a to-one
/// connect or disconnect only sets the row's foreign key) and <see cref="NestedWrite"/>s. A to-one relation takes
/// exactly one operation; a to-many relation's operations run in a fixed order (see <see cref="Rank"/>), whatever
/// the order in the input. Nested data is built by <see cref="WriteDataBuilder"/>, so its fields are validated the
/// same way, with input paths such as <c>data.comments.create[2].slug</c>.
/// </summary>
internal sealed class NestedWriteBuilder(WriteDataBuilder data, PlanningErrors errors, FilterBuilder filters, SchemaModel model)
{
    /// <summary>Plans a to-one relation's input: exactly one operation.</summary>
    public void ToOne(FieldModel relation, InputFieldValue input, bool creating, List<ToOneConnect> relations, ref List<NestedWrite>? writes)
    {
        if (input.Value is not InputObjectValue nested || nested.Type.Binding is not NestedWriteInputBinding binding)
        {
            errors.BadInput($"{input.Path}: give one nested operation (such as {{ connect: ... }}) rather than null.", input.Path);
            return;
        }

        InputFieldValue? chosen = null;
        foreach (var operation in nested.Fields)
        {
            if (operation.Value is null or false)
            {
                continue;
            }

            if (chosen is not null)
            {
                errors.BadInput($"{input.Path}: give only one of {string.Join(", ", nested.Type.Fields.Select(f => f.Name))}.", input.Path);
                return;
            }

            chosen = operation;
        }

        if (chosen is null)
        {
            if (creating && relation.Required)
            {
                errors.BadInput($"{input.Path}: {relation.Name} is required; give create or connect.", input.Path);
            }

            return;
        }

        var target = binding.Target;
        var path = chosen.Path;
        switch ((NestedWriteOperation)chosen.Field.Binding!)
        {
            case NestedWriteOperation.Connect:
                if (filters.Unique(chosen.Value, path) is { } where)
                {
                    relations.Add(new ToOneConnect(relation, target, where));
                }

                break;
            case NestedWriteOperation.Disconnect:
                if (!RequiredCannot(relation, "disconnected", path))
                {
                    relations.Add(new ToOneConnect(relation, target, null));
                }

                break;
            case NestedWriteOperation.Delete:
                if (!RequiredCannot(relation, "deleted", path))
                {
                    Add(ref writes, new NestedDelete(relation, target, path.ToString(), null));
                }

                break;
            case NestedWriteOperation.Create:
                Add(ref writes, Create(relation, target, chosen.Value, path));
                break;
            case NestedWriteOperation.Update:
                Add(ref writes, new NestedUpdate(relation, target, path.ToString(), null, data.Build(chosen.Value, path, out _)));
                break;
            case NestedWriteOperation.Upsert:
                Add(ref writes, Upsert(relation, target, null, (InputObjectValue)chosen.Value!, path));
                break;
            default:
                errors.BadInput($"{path}: not an operation of a to-one relation.", path);
                break;
        }
    }

    /// <summary>Plans a to-many relation's input: any operations, each a list, ordered by <see cref="Rank"/>.</summary>
    public void ToMany(ResourceModel owner, FieldModel relation, InputFieldValue input, ref List<NestedWrite>? writes)
    {
        if (input.Value is not InputObjectValue nested || nested.Type.Binding is not NestedWriteInputBinding binding)
        {
            errors.BadInput($"{input.Path}: give nested operations (such as {{ connect: [...] }}) rather than null.", input.Path);
            return;
        }

        var target = binding.Target;
        var planned = new List<(int Rank, NestedWrite Write)>();
        foreach (var operation in nested.Fields)
        {
            if (operation.Value is not InputListValue list)
            {
                continue;
            }

            var kind = (NestedWriteOperation)operation.Field.Binding!;
            if (kind == NestedWriteOperation.Disconnect && BackReferenceIsRequired(owner, relation) is { } required)
            {
                errors.BadInput($"{operation.Path}: {target.Name}.{required.Name} is required, so a {target.Name} cannot be disconnected; "
                    + "delete it or connect it elsewhere.", operation.Path);
                continue;
            }

            if (kind == NestedWriteOperation.Set)
            {
                var wheres = new List<Filter>(list.Items.Count);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (filters.Unique(list.Items[i], operation.Path.Item(i)) is { } where)
                    {
                        wheres.Add(where);
                    }
                }

                planned.Add((Rank(kind), new NestedSet(relation, target, operation.Path.ToString(), wheres)));
                continue;
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                if (Item(relation, target, kind, list.Items[i], operation.Path.Item(i)) is { } write)
                {
                    planned.Add((Rank(kind), write));
                }
            }
        }

        foreach (var (_, write) in planned.OrderBy(p => p.Rank))
        {
            Add(ref writes, write);
        }
    }

    /// <summary>
    /// The order to-many operations run in: replacing and removing first (so a record deleted or unrelated can be created
    /// or related again by the same input), changes to what remains next, additions last.
    /// </summary>
    private static int Rank(NestedWriteOperation operation) => operation switch
    {
        NestedWriteOperation.Set => 0,
        NestedWriteOperation.Disconnect => 1,
        NestedWriteOperation.Delete => 2,
        NestedWriteOperation.DeleteMany => 3,
        NestedWriteOperation.Update => 4,
        NestedWriteOperation.UpdateMany => 5,
        NestedWriteOperation.Upsert => 6,
        NestedWriteOperation.Create => 7,
        _ => 8,
    };

    private NestedWrite? Item(FieldModel relation, ResourceModel target, NestedWriteOperation kind, object? item, InputPath path)
    {
        var at = path.ToString();
        switch (kind)
        {
            case NestedWriteOperation.Create:
                return Create(relation, target, item, path);
            case NestedWriteOperation.Connect:
                return filters.Unique(item, path) is { } connect ? new NestedConnect(relation, target, at, connect) : null;
            case NestedWriteOperation.Disconnect:
                return filters.Unique(item, path) is { } disconnect ? new NestedDisconnect(relation, target, at, disconnect) : null;
            case NestedWriteOperation.Delete:
                return filters.Unique(item, path) is { } delete ? new NestedDelete(relation, target, at, delete) : null;
            case NestedWriteOperation.DeleteMany:
                return new NestedDeleteMany(relation, target, at, filters.Where(item));
            case NestedWriteOperation.Update:
            {
                var fields = (InputObjectValue)item!;
                var where = filters.Unique(Value(fields, "where", out var wherePath), wherePath);
                var changes = data.Build(Value(fields, "data", out var dataPath), dataPath, out _);
                return where is null ? null : new NestedUpdate(relation, target, at, where, changes);
            }

            case NestedWriteOperation.UpdateMany:
            {
                var fields = (InputObjectValue)item!;
                var where = filters.Where(Value(fields, "where", out _));
                return new NestedUpdateMany(relation, target, at, where, data.Build(Value(fields, "data", out var dataPath), dataPath, out _));
            }

            case NestedWriteOperation.Upsert:
            {
                var fields = (InputObjectValue)item!;
                var where = filters.Unique(Value(fields, "where", out var wherePath), wherePath);
                var upsert = Upsert(relation, target, where, fields, path);
                return where is null ? null : upsert;
            }

            default:
                errors.BadInput($"{path}: not an operation of a to-many relation.", path);
                return null;
        }
    }

    private NestedCreate Create(FieldModel relation, ResourceModel target, object? value, InputPath path)
    {
        var created = data.Build(value, path, out var id);
        return new NestedCreate(relation, target, path.ToString(), id ?? RecordIds.NewId(), created);
    }

    private NestedUpsert Upsert(FieldModel relation, ResourceModel target, Filter? where, InputObjectValue fields, InputPath path)
    {
        var create = data.Build(Value(fields, "create", out var createPath), createPath, out var id);
        var update = data.Build(Value(fields, "update", out var updatePath), updatePath, out _);
        return new NestedUpsert(relation, target, path.ToString(), where, id ?? RecordIds.NewId(), create, update);
    }

    /// <summary>The one-to-many relation's foreign key field on the target when it is required (its rows cannot be unrelated).</summary>
    private FieldModel? BackReferenceIsRequired(ResourceModel owner, FieldModel relation) =>
        relation.Relation is { Kind: RelationKind.OneToMany }
        && RelationSides.OtherSide(model, owner, relation) is { Kind: FieldKind.ToOne, Required: true } foreignKey
            ? foreignKey
            : null;

    private bool RequiredCannot(FieldModel relation, string what, InputPath path)
    {
        if (!relation.Required)
        {
            return false;
        }

        errors.BadInput($"{path}: {relation.Name} is required and cannot be {what}.", path);
        return true;
    }

    private static object? Value(InputObjectValue fields, string name, out InputPath path)
    {
        foreach (var field in fields.Fields)
        {
            if (field.Field.Name == name)
            {
                path = field.Path;
                return field.Value;
            }
        }

        // Coercion already reported the missing field; building goes on so every error surfaces.
        path = InputPath.Root(name);
        return null;
    }

    private static void Add(ref List<NestedWrite>? writes, NestedWrite write) => (writes ??= []).Add(write);
}
