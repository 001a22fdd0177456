using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.5.2.1: spreads name fragments the document defines.</summary>
internal sealed class KnownFragmentNames : ValidationRule
{
    public override void EnterFragmentSpread(ValidationContext context, GraphQLFragmentSpread spread, GqlObjectType? parentType)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!context.Fragments.ContainsKey(name))
        {
            context.Report($"Unknown fragment \"{name}\".", spread.FragmentName);
        }
    }
}
