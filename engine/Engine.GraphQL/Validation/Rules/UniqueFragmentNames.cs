using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.5.1.1: each fragment has a name of its own.</summary>
internal sealed class UniqueFragmentNames : ValidationRule
{
    private readonly Dictionary<string, GraphQLName> seen = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, GraphQLFragmentDefinition fragment, GqlNamedType? typeCondition)
    {
        var node = fragment.FragmentName.Name;
        var name = node.StringValue;
        if (!seen.TryAdd(name, node))
        {
            context.Report($"There can be only one fragment named \"{name}\".", seen[name], node);
        }
    }
}
