using System.Text.Json;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.Query.Filters;
using Engine.Runtime.Events;
using EventPredicate = System.Func<Engine.Runtime.Events.RecordAction, System.Collections.Generic.IReadOnlyList<string>, System.Text.Json.JsonElement, bool>;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// Compiles a coerced <c>&lt;R&gt;SubscriptionWhereInput</c> into a <see cref="SubscriptionFilter"/>, following each
/// input field's <see cref="SubscriptionWhereOperator"/> binding. <c>node</c> is built like a query's where input and
/// compiled by <see cref="RecordPredicate"/>, so it has exactly the SQL semantics; relation filters are rejected at
/// their path, since an event carries only the record's own fields. A null condition constrains nothing.
/// </summary>
internal sealed class SubscriptionFilterBuilder
{
    private static readonly EventPredicate Always = static (_, _, _) => true;

    private readonly PlanningErrors errors;
    private readonly FilterBuilder nodeFilters;
    private bool readsRecord;

    public SubscriptionFilterBuilder(PlanningErrors errors)
    {
        this.errors = errors;
        nodeFilters = new FilterBuilder(errors);
    }

    /// <summary>The filter of the <c>where</c> argument; <see cref="SubscriptionFilter.All"/> when it is absent, null or empty.</summary>
    public SubscriptionFilter Build(object? where) =>
        where is InputObjectValue { Fields.Count: > 0 } input ? new SubscriptionFilter(Object(input), readsRecord) : SubscriptionFilter.All;

    private EventPredicate Object(InputObjectValue input)
    {
        var items = new List<EventPredicate>(input.Fields.Count);
        foreach (var field in input.Fields)
        {
            if (Item(field) is { } predicate)
            {
                items.Add(predicate);
            }
        }

        return items.Count switch
        {
            0 => Always,
            1 => items[0],
            _ => AllOf([.. items]),
        };
    }

    private EventPredicate? Item(InputFieldValue input)
    {
        if (input.Value is null)
        {
            return null;
        }

        switch ((SubscriptionWhereOperator)input.Field.Binding!)
        {
            case SubscriptionWhereOperator.And:
                return AllOf(Nested(input));
            case SubscriptionWhereOperator.Or:
                return AnyOf(Nested(input));
            case SubscriptionWhereOperator.Not:
                // NOT [a, b] means neither a nor b, as in query filters.
                var any = AnyOf(Nested(input));
                return (action, fields, record) => !any(action, fields, record);
            case SubscriptionWhereOperator.MutationIn:
                var actions = ((InputListValue)input.Value).Items.Select(i => (RecordAction)((GqlEnumValue)i!).Binding!).ToArray();
                return (action, _, _) => Array.IndexOf(actions, action) >= 0;
            case SubscriptionWhereOperator.UpdatedFieldsContains:
                var name = (string)input.Value;
                return (_, fields, _) => Contains(fields, name);
            case SubscriptionWhereOperator.UpdatedFieldsContainsEvery:
                var every = Strings(input.Value);
                return (_, fields, _) => Array.TrueForAll(every, n => Contains(fields, n));
            case SubscriptionWhereOperator.UpdatedFieldsContainsSome:
                var some = Strings(input.Value);
                return (_, fields, _) => Array.Exists(some, n => Contains(fields, n));
            default:
                return Node(input);
        }
    }

    private EventPredicate? Node(InputFieldValue input)
    {
        var node = (InputObjectValue)input.Value!;
        if (!RejectRelationFilters(node))
        {
            return null;
        }

        if (nodeFilters.Where(node) is not { } filter)
        {
            return null;
        }

        Func<JsonElement, bool> matches;
        try
        {
            matches = RecordPredicate.Compile(filter);
        }
        catch (NotSupportedException e)
        {
            errors.BadInput($"{input.Path}: {e.Message}", input.Path);
            return null;
        }

        readsRecord = true;
        return (_, _, record) => matches(record);
    }

    /// <summary>Reports every relation filter inside a node filter at its path; true when there is none.</summary>
    private bool RejectRelationFilters(InputObjectValue where)
    {
        var ok = true;
        foreach (var field in where.Fields)
        {
            switch (field.Field.Binding)
            {
                case WhereFieldBinding { Operator: WhereOperator.Relation or WhereOperator.Some or WhereOperator.Every or WhereOperator.None }:
                    errors.BadInput(
                        $"{field.Path}: relation filters are not supported in subscriptions (an event carries only the record's own fields).",
                        field.Path);
                    ok = false;
                    break;
                case WhereLogicBinding:
                    IReadOnlyList<object?> items = field.Value switch
                    {
                        InputListValue list => list.Items,
                        InputObjectValue single => [single],
                        _ => [],
                    };
                    foreach (var item in items)
                    {
                        if (item is InputObjectValue nested)
                        {
                            ok &= RejectRelationFilters(nested);
                        }
                    }

                    break;
            }
        }

        return ok;
    }

    private EventPredicate[] Nested(InputFieldValue input)
    {
        IReadOnlyList<object?> values = input.Value switch
        {
            InputListValue list => list.Items,
            _ => [input.Value],
        };
        var items = new List<EventPredicate>(values.Count);
        foreach (var value in values)
        {
            if (value is InputObjectValue item)
            {
                items.Add(Object(item));
            }
        }

        return [.. items];
    }

    private static EventPredicate AllOf(EventPredicate[] items) => (action, fields, record) =>
    {
        foreach (var item in items)
        {
            if (!item(action, fields, record))
            {
                return false;
            }
        }

        return true;
    };

    private static EventPredicate AnyOf(EventPredicate[] items) => (action, fields, record) =>
    {
        foreach (var item in items)
        {
            if (item(action, fields, record))
            {
                return true;
            }
        }

        return false;
    };

    private static string[] Strings(object value) => ((InputListValue)value).Items.Select(i => (string)i!).ToArray();

    private static bool Contains(IReadOnlyList<string> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
