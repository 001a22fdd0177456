using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.7.1 / §5.7.2: directives are defined by the schema and used where they are allowed.</summary>
internal sealed class KnownDirectives : ValidationRule
{
    public override void EnterDirective(ValidationContext context, GraphQLDirective directive, string location, GqlDirective? definition)
    {
        var name = directive.Name.StringValue;
        if (definition is null)
        {
            context.Report($"Unknown directive \"@{name}\".", directive);
        }
        else if (!definition.Locations.Contains(location))
        {
            context.Report($"Directive \"@{name}\" may not be used on {location}.", directive);
        }
    }
}
