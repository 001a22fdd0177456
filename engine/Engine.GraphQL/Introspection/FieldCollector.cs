using GraphQLParser.AST;

namespace Engine.GraphQL.Introspection;

/// <summary>
/// CollectFields of the GraphQL spec (§6.3.2) for introspection objects: merges fields by response key across
/// fragments, honouring <c>@skip</c>/<c>@include</c> and type conditions (the schema has no abstract types, so a
/// condition applies exactly when it names the object's type).
/// </summary>
internal static class FieldCollector
{
    /// <summary>The response keys of the merged selection sets of <paramref name="fields"/>, in order, each with its fields.</summary>
    public static List<(string Key, List<GraphQLField> Fields)> Collect(IReadOnlyList<GraphQLField> fields, string typeName, IntrospectionContext ctx)
    {
        var result = new List<(string Key, List<GraphQLField> Fields)>();
        HashSet<string>? visitedFragments = null;
        foreach (var field in fields)
        {
            if (field.SelectionSet is not null)
            {
                CollectInto(result, field.SelectionSet, typeName, ctx, ref visitedFragments);
            }
        }

        return result;
    }

    private static void CollectInto(List<(string Key, List<GraphQLField> Fields)> result, GraphQLSelectionSet set, string typeName,
        IntrospectionContext ctx, ref HashSet<string>? visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when ctx.ShouldInclude(field.Directives):
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    var index = result.FindIndex(r => r.Key == key);
                    if (index < 0)
                    {
                        result.Add((key, [field]));
                    }
                    else
                    {
                        result[index].Fields.Add(field);
                    }

                    break;
                case GraphQLInlineFragment inline when ctx.ShouldInclude(inline.Directives)
                    && (inline.TypeCondition is null || inline.TypeCondition.Type.Name == typeName):
                    CollectInto(result, inline.SelectionSet, typeName, ctx, ref visitedFragments);
                    break;
                case GraphQLFragmentSpread spread when ctx.ShouldInclude(spread.Directives):
                    var name = spread.FragmentName.Name.StringValue;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    var fragment = ctx.Fragment(name);
                    if (fragment is not null && fragment.TypeCondition.Type.Name == typeName && visitedFragments.Add(name))
                    {
                        CollectInto(result, fragment.SelectionSet, typeName, ctx, ref visitedFragments);
                    }

                    break;
            }
        }
    }
}
