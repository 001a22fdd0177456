using Engine.GraphQL.Introspection;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.8.3 / §5.5.1.2: variable types and type conditions name types the schema has.</summary>
internal sealed class KnownTypeNames : ValidationRule
{
    public override void EnterNamedType(ValidationContext context, GraphQLNamedType type)
    {
        var name = type.Name.StringValue;
        if (context.Schema.Type(name) is null)
        {
            var options = context.Schema.Types.Keys.Where(k => !IntrospectionTypes.IsIntrospectionName(k));
            context.Report($"Unknown type \"{name}\"." + Suggestions.DidYouMean(name, options), type);
        }
    }
}
