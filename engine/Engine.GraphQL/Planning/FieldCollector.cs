using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>
/// GraphQL's CollectFields (spec §6.3.2): flattens fragments and inline fragments, drops fields excluded by
/// <c>@skip</c> / <c>@include</c>, and groups the fields of one response key (alias or name) in first-seen order so
/// that repeated keys merge into one entry.
/// </summary>
internal sealed class FieldCollector(
    IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, object?> variables)
{
    /// <summary>The grouped fields selected on the object type <paramref name="typeName"/> by <paramref name="selectionSets"/>.</summary>
    public IReadOnlyList<FieldGroup> Collect(string typeName, IEnumerable<GraphQLSelectionSet?> selectionSets)
    {
        var groups = new List<FieldGroup>();
        HashSet<string>? visitedFragments = null;
        foreach (var selectionSet in selectionSets)
        {
            if (selectionSet is not null)
            {
                Collect(typeName, selectionSet, groups, ref visitedFragments);
            }
        }

        return groups;
    }

    private void Collect(string typeName, GraphQLSelectionSet selectionSet, List<FieldGroup> groups, ref HashSet<string>? visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection is IHasDirectivesNode { Directives: { } directives } && !IsIncluded(directives))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    Add(groups, field);
                    break;
                case GraphQLInlineFragment inline when Applies(inline.TypeCondition, typeName):
                    Collect(typeName, inline.SelectionSet, groups, ref visitedFragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (visitedFragments.Add(name)
                        && fragments.TryGetValue(name, out var fragment)
                        && Applies(fragment.TypeCondition, typeName))
                    {
                        Collect(typeName, fragment.SelectionSet, groups, ref visitedFragments);
                    }

                    break;
            }
        }
    }

    private static void Add(List<FieldGroup> groups, GraphQLField field)
    {
        var key = (field.Alias?.Name ?? field.Name).StringValue;
        foreach (var group in groups)
        {
            if (group.Key == key)
            {
                group.Fields.Add(field);
                return;
            }
        }

        groups.Add(new FieldGroup(key, [field]));
    }

    /// <summary>The schema has object types only (no interfaces or unions), so a condition applies when it names the type.</summary>
    private static bool Applies(GraphQLTypeCondition? condition, string typeName) =>
        condition is null || condition.Type.Name == typeName;

    private bool IsIncluded(GraphQLDirectives directives)
    {
        foreach (var directive in directives.Items)
        {
            if (directive.Name == "skip" && Condition(directive))
            {
                return false;
            }

            if (directive.Name == "include" && !Condition(directive))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>if</c> argument of <c>@skip</c> / <c>@include</c> (validation guarantees a Boolean!).</summary>
    private bool Condition(GraphQLDirective directive) => directive.Arguments?.ValueFor("if") switch
    {
        GraphQLBooleanValue literal => literal.BoolValue,
        GraphQLVariable variable => variables.GetValueOrDefault(variable.Name.StringValue) is true,
        _ => false,
    };
}

/// <summary>The fields of one response key, in document order; the first one names the field and its arguments.</summary>
internal sealed record FieldGroup(string Key, List<GraphQLField> Fields)
{
    /// <summary>The field that names what the key selects (all of the group's fields agree, by validation).</summary>
    public GraphQLField First => Fields[0];

    /// <summary>The selection sets of all of the group's fields, merged when planning the sub-selection.</summary>
    public IEnumerable<GraphQLSelectionSet?> SelectionSets => Fields.Select(f => f.SelectionSet);
}
