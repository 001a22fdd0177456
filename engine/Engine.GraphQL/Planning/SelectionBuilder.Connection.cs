using Engine.GraphQL.Schema;
using Engine.Query.Plans;

namespace Engine.GraphQL.Planning;

internal sealed partial class SelectionBuilder
{
    /// <summary>
    /// The items selected on the connection object of the root field <paramref name="group"/> (at depth 1), whose
    /// edges hold about as many nodes as <paramref name="list"/> pages.
    /// </summary>
    public IReadOnlyList<SelectionItem> Connection(GqlField field, FieldGroup group, ListArguments list)
    {
        var rows = PageSize(list);
        return Parts(ObjectType(field), group, 2, (sub, part, type) => part switch
        {
            ConnectionPart.PageInfo => new PageInfoSelection(sub.Key, Parts(type!, sub, 3, PageInfoItem)),
            ConnectionPart.Aggregate => new AggregateSelection(sub.Key, Parts(type!, sub, 3, (leaf, _, _) => new AggregateCountSelection(leaf.Key))),
            _ => new EdgesSelection(sub.Key, Parts(type!, sub, 3, (leaf, p, nodeType) => p == ConnectionPart.Cursor
                ? new CursorSelection(leaf.Key)
                : Node(leaf, nodeType!, [group.Key, sub.Key, leaf.Key], rows))),
        });
    }

    private static PageInfoFieldSelection PageInfoItem(FieldGroup group, ConnectionPart part, GqlObjectType? type) =>
        new(group.Key, part switch
        {
            ConnectionPart.HasNextPage => PageInfoField.HasNextPage,
            ConnectionPart.HasPreviousPage => PageInfoField.HasPreviousPage,
            ConnectionPart.StartCursor => PageInfoField.StartCursor,
            _ => PageInfoField.EndCursor,
        });

    /// <summary>An edge's <c>node</c> (its fields at depth 4), one of about <paramref name="rows"/>.</summary>
    private EdgeNodeSelection Node(FieldGroup group, GqlObjectType type, List<object> path, double rows)
    {
        CountNodes(rows, group);
        return new EdgeNodeSelection(group.Key, Build(type, group, path, 4, rows));
    }

    /// <summary>
    /// The items of an object of the connection types at <paramref name="depth"/>: typenames, and each field bound by a
    /// <see cref="ConnectionFieldBinding"/> made into an item by <paramref name="item"/> (given the field's object type, if any).
    /// </summary>
    private List<SelectionItem> Parts(
        GqlObjectType type, FieldGroup parent, int depth, Func<FieldGroup, ConnectionPart, GqlObjectType?, SelectionItem> item)
    {
        var groups = collector.Collect(type.Name, parent.SelectionSets);
        var items = new List<SelectionItem>(groups.Count);
        if (TooDeep(depth, groups))
        {
            return items;
        }

        foreach (var group in groups)
        {
            var name = group.First.Name.StringValue;
            if (name == TypenameField)
            {
                items.Add(new TypenameSelection(group.Key, type.Name));
            }
            else if (type.FieldsByName.GetValueOrDefault(name) is { Binding: ConnectionFieldBinding binding } field)
            {
                items.Add(item(group, binding.Part, schema.Types[field.Type.NamedType] as GqlObjectType));
            }
            else
            {
                errors.BadInput($"{type.Name} has no field {name}.", group.First);
            }
        }

        return items;
    }
}
