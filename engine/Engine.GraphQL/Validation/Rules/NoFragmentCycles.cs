using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.5.2.2: no fragment spreads itself, directly or through other fragments (graphql-js's algorithm).</summary>
internal sealed class NoFragmentCycles : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<GraphQLFragmentSpread>();
        var pathIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fragment in context.FragmentDefinitions)
        {
            Detect(context, fragment, visited, path, pathIndex);
        }
    }

    private static void Detect(ValidationContext context, GraphQLFragmentDefinition fragment, HashSet<string> visited,
        List<GraphQLFragmentSpread> path, Dictionary<string, int> pathIndex)
    {
        var name = fragment.FragmentName.Name.StringValue;
        if (!visited.Add(name))
        {
            return;
        }

        var spreads = context.Info(fragment).Spreads;
        if (spreads.Count == 0)
        {
            return;
        }

        pathIndex[name] = path.Count;
        foreach (var spread in spreads)
        {
            var target = spread.FragmentName.Name.StringValue;
            path.Add(spread);
            if (!pathIndex.TryGetValue(target, out var cycleStart))
            {
                if (context.Fragments.TryGetValue(target, out var next))
                {
                    Detect(context, next, visited, path, pathIndex);
                }
            }
            else
            {
                var cycle = path.GetRange(cycleStart, path.Count - cycleStart);
                var via = cycle.Count > 1
                    ? " via " + string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => "\"" + s.FragmentName.Name.StringValue + "\""))
                    : "";
                context.Report($"Cannot spread fragment \"{target}\" within itself{via}.", [.. cycle]);
            }

            path.RemoveAt(path.Count - 1);
        }

        pathIndex.Remove(name);
    }
}
