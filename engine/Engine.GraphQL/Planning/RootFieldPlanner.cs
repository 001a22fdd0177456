using Engine.GraphQL.Schema;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>Builds the <see cref="RootPlan"/> of one resource root field from its binding and coerced arguments.</summary>
internal sealed class RootFieldPlanner(
    FilterBuilder filters, ListArgumentsBuilder lists, WriteDataBuilder writes, SelectionBuilder selections, PlanningErrors errors)
{
    /// <summary>The plan of <paramref name="group"/>, or null when it cannot be planned (errors were reported).</summary>
    public RootPlan? Plan(GqlField field, RootFieldBinding binding, FieldArguments arguments, FieldGroup group)
    {
        var key = group.Key;
        var resource = binding.Resource;
        switch (binding.Operation)
        {
            case RootOperation.FindUnique:
                return Unique(arguments) is { } one ? new FindUniquePlan(key, resource, one, selections.Root(field, group)) : null;
            case RootOperation.FindMany:
            {
                var list = lists.Build(arguments, resource);
                return new FindManyPlan(key, resource, list, selections.Root(field, group, list));
            }

            case RootOperation.Connection:
            {
                var list = lists.Build(arguments, resource);
                return new ConnectionPlan(key, resource, list, selections.Connection(field, group, list));
            }

            case RootOperation.Create:
            {
                var data = writes.Build(arguments["data"], InputPath.Root("data"), out var id);
                return new CreatePlan(key, resource, id ?? RecordIds.NewId(), data, selections.Root(field, group));
            }

            case RootOperation.Update:
            {
                var where = Unique(arguments);
                var data = writes.Build(arguments["data"], InputPath.Root("data"), out _);
                return where is null ? null : new UpdatePlan(key, resource, where, data, selections.Root(field, group));
            }

            case RootOperation.Upsert:
            {
                var where = Unique(arguments);
                var create = writes.Build(arguments["create"], InputPath.Root("create"), out var id);
                var update = writes.Build(arguments["update"], InputPath.Root("update"), out _);
                return where is null
                    ? null
                    : new UpsertPlan(key, resource, where, id ?? RecordIds.NewId(), create, update, selections.Root(field, group));
            }

            case RootOperation.Delete:
                return Unique(arguments) is { } gone ? new DeletePlan(key, resource, gone, selections.Root(field, group)) : null;
            case RootOperation.UpdateMany:
            {
                var data = writes.Build(arguments["data"], InputPath.Root("data"), out _);
                return new UpdateManyPlan(key, resource, filters.Where(arguments["where"]), data, selections.Batch(field, group));
            }

            case RootOperation.DeleteMany:
                return new DeleteManyPlan(key, resource, filters.Where(arguments["where"]), selections.Batch(field, group));
            default:
                errors.BadInput($"{field.Name} is not supported yet.", group.First);
                return null;
        }
    }

    private Query.Filters.Filter? Unique(FieldArguments arguments) => filters.Unique(arguments["where"], InputPath.Root("where"));
}
