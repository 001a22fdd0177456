using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// §5.3.2, simplified: fields that share a response key in one selection set (fragments at that level included) must
/// be the same field with the same arguments, and so must their sub-fields that share a key, recursively. The spec's
/// allowance for differing fields under mutually exclusive parent types does not arise: the schema has only object
/// types and a fragment can only be spread on its own type, so all such fields have the same parent; for the same
/// reason two same-named fields always have the same return type, so the response-shape check is not needed.
/// </summary>
internal sealed class OverlappingFieldsCanBeMerged : ValidationRule
{
    private readonly HashSet<(GraphQLField, GraphQLField)> compared = [];

    public override void EnterSelectionSet(ValidationContext context, GraphQLSelectionSet selectionSet, GqlObjectType? parentType)
    {
        if (selectionSet.Selections.Count < 2)
        {
            return;
        }

        foreach (var (key, fields) in Collect(context, selectionSet))
        {
            for (var i = 1; i < fields.Count; i++)
            {
                var (a, b) = (fields[0], fields[i]);
                if (ReferenceEquals(a, b) || !compared.Add((a, b)))
                {
                    continue;
                }

                if (FindConflict(context, a, b) is { } reason)
                {
                    context.Report($"Fields \"{key}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.",
                        a, b);
                }
            }
        }
    }

    /// <summary>Why <paramref name="a"/> and <paramref name="b"/> cannot share a response key, or null when they can.</summary>
    private static string? FindConflict(ValidationContext context, GraphQLField a, GraphQLField b)
    {
        var nameA = a.Name.StringValue;
        var nameB = b.Name.StringValue;
        if (nameA != nameB)
        {
            return $"\"{nameA}\" and \"{nameB}\" are different fields";
        }

        if (!SameArguments(a.Arguments, b.Arguments))
        {
            return "they have differing arguments";
        }

        if (a.SelectionSet is null || b.SelectionSet is null)
        {
            return null;
        }

        var subA = Collect(context, a.SelectionSet);
        var subB = Collect(context, b.SelectionSet);
        List<string>? reasons = null;
        foreach (var (key, fieldsA) in subA)
        {
            if (!subB.TryGetValue(key, out var fieldsB))
            {
                continue;
            }

            var reason = FirstConflict(context, fieldsA, fieldsB);
            if (reason is not null)
            {
                (reasons ??= []).Add($"subfields \"{key}\" conflict because {reason}");
            }
        }

        return reasons is null ? null : string.Join(" and ", reasons);
    }

    private static string? FirstConflict(ValidationContext context, List<GraphQLField> left, List<GraphQLField> right)
    {
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (!ReferenceEquals(a, b) && FindConflict(context, a, b) is { } reason)
                {
                    return reason;
                }
            }
        }

        return null;
    }

    private static bool SameArguments(GraphQLArguments? a, GraphQLArguments? b)
    {
        var countA = a?.Count ?? 0;
        if (countA != (b?.Count ?? 0))
        {
            return false;
        }

        for (var i = 0; i < countA; i++)
        {
            var argument = a![i];
            var other = b!.ValueFor(argument.Name.Value);
            if (other is null || LiteralPrinter.Print(argument.Value) != LiteralPrinter.Print(other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields of a selection set by response key, with inline fragments and known named fragments flattened in.</summary>
    private static Dictionary<string, List<GraphQLField>> Collect(ValidationContext context, GraphQLSelectionSet selectionSet)
    {
        var result = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        HashSet<string>? visited = null;
        CollectInto(context, selectionSet, result, ref visited);
        return result;
    }

    private static void CollectInto(ValidationContext context, GraphQLSelectionSet selectionSet, Dictionary<string, List<GraphQLField>> result,
        ref HashSet<string>? visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!result.TryGetValue(key, out var list))
                    {
                        result[key] = list = [];
                    }

                    list.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    CollectInto(context, inline.SelectionSet, result, ref visited);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    if (visited.Add(name) && context.Fragments.TryGetValue(name, out var fragment))
                    {
                        CollectInto(context, fragment.SelectionSet, result, ref visited);
                    }

                    break;
            }
        }
    }
}
