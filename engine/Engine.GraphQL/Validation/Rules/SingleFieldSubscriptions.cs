using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// §5.2.3.1: a subscription selects exactly one root field, and not an introspection field, counting the fields of
/// inline fragments and fragment spreads (a subscription is one event stream, so it can have only one source).
/// </summary>
internal sealed class SingleFieldSubscriptions : ValidationRule
{
    public override void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
        if (operation.Operation != OperationType.Subscription || rootType is null)
        {
            return;
        }

        var keys = new List<(string Key, GraphQLField Field)>();
        Collect(context, operation.SelectionSet, keys, new HashSet<string>(StringComparer.Ordinal));
        var subject = operation.Name is null ? "Anonymous Subscription" : $"Subscription \"{operation.Name.StringValue}\"";
        if (keys.Count > 1)
        {
            context.Report($"{subject} must select only one top level field.", [.. keys.Skip(1).Select(k => k.Field)]);
        }

        foreach (var (_, field) in keys)
        {
            if (field.Name.StringValue.StartsWith("__", StringComparison.Ordinal))
            {
                context.Report($"{subject} must not select an introspection top level field.", field);
            }
        }
    }

    private static void Collect(ValidationContext context, GraphQLSelectionSet selectionSet, List<(string Key, GraphQLField Field)> keys,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!keys.Exists(k => k.Key == key))
                    {
                        keys.Add((key, field));
                    }

                    break;
                case GraphQLInlineFragment inline:
                    Collect(context, inline.SelectionSet, keys, visitedFragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visitedFragments.Add(name) && context.Fragments.TryGetValue(name, out var fragment))
                    {
                        Collect(context, fragment.SelectionSet, keys, visitedFragments);
                    }

                    break;
            }
        }
    }
}
