using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns the merged selection sets of a response key into a <see cref="Selection"/> tree (or a
/// <see cref="BatchSelection"/>, or a connection's items), following each output field's binding, and enforces the
/// depth and node-estimate limits before any SQL runs.
/// </summary>
internal sealed partial class SelectionBuilder(
    GqlSchema schema,
    SchemaModel model,
    FieldCollector collector,
    InputCoercer coercer,
    ListArgumentsBuilder lists,
    PlanningErrors errors,
    PlanningLimits limits)
{
    private const string TypenameField = "__typename";
    private const string CountField = "count";

    private bool depthReported;

    /// <summary>
    /// The selection on a resource object of the root field <paramref name="group"/> (at depth 1); <paramref name="list"/>
    /// is the field's list arguments when it returns a list.
    /// </summary>
    public Selection Root(GqlField field, FieldGroup group, ListArguments? list = null)
    {
        var rows = list is null ? 1 : PageSize(list);
        CountNodes(rows, group);
        return Build(ObjectType(field), group, [group.Key], 2, rows);
    }

    /// <summary>
    /// The selection on the one resource object of <paramref name="field"/>, nested at <paramref name="path"/> below the
    /// root (a subscription payload's <c>node</c>).
    /// </summary>
    public Selection Nested(GqlField field, FieldGroup group, IReadOnlyList<object> path)
    {
        CountNodes(1, group);
        return Build(ObjectType(field), group, [.. path], path.Count + 1, 1);
    }

    /// <summary>The selection on a <c>BatchPayload</c>: <c>count</c> and <c>__typename</c>.</summary>
    public BatchSelection Batch(GqlField field, FieldGroup group)
    {
        var type = ObjectType(field);
        var items = new List<SelectionItem>();
        foreach (var sub in collector.Collect(type.Name, group.SelectionSets))
        {
            var name = sub.First.Name.StringValue;
            items.Add(name == TypenameField ? new TypenameSelection(sub.Key, type.Name) : new CountSelection(sub.Key));
            if (name is not (TypenameField or CountField))
            {
                errors.BadInput($"{type.Name} has no field {name}.", sub.First);
            }
        }

        return new BatchSelection(items);
    }

    /// <summary>The selection on an object of <paramref name="type"/>, of which the query returns about <paramref name="rows"/>.</summary>
    private Selection Build(GqlObjectType type, FieldGroup parent, List<object> path, int depth, double rows)
    {
        var groups = collector.Collect(type.Name, parent.SelectionSets);
        if (TooDeep(depth, groups))
        {
            return new Selection([]);
        }

        var items = new List<SelectionItem>(groups.Count);
        foreach (var group in groups)
        {
            var name = group.First.Name.StringValue;
            if (name == TypenameField)
            {
                items.Add(new TypenameSelection(group.Key, type.Name));
                continue;
            }

            if (type.FieldsByName.GetValueOrDefault(name) is not { Binding: ResourceFieldBinding binding } field)
            {
                errors.BadInput($"{type.Name} has no field {name}.", group.First);
                continue;
            }

            path.Add(group.Key);
            items.Add(Item(field, binding.Field, group, path, depth, rows));
            path.RemoveAt(path.Count - 1);
        }

        return new Selection(items);
    }

    private SelectionItem Item(GqlField field, FieldModel model, FieldGroup group, List<object> path, int depth, double rows)
    {
        switch (model.Kind)
        {
            case FieldKind.Scalar:
                return new ScalarSelection(group.Key, model);
            case FieldKind.ToOne:
                CountNodes(rows, group);
                return new ToOneSelection(group.Key, model, Target(model), Build(ObjectType(field), group, path, depth + 1, rows));
            default:
                ListArguments arguments;
                using (errors.At([.. path], group.First))
                {
                    arguments = lists.Build(FieldArguments.Coerce(field, group.First, coercer, errors), Target(model));
                }

                var many = rows * PageSize(arguments, nested: true);
                CountNodes(many, group);
                return new ToManySelection(group.Key, model, Target(model), arguments, Build(ObjectType(field), group, path, depth + 1, many));
        }
    }

    private ResourceModel Target(FieldModel relation) => model.ResourcesByName[relation.Relation!.Target];

    private GqlObjectType ObjectType(GqlField field) => (GqlObjectType)schema.Types[field.Type.NamedType];
}
