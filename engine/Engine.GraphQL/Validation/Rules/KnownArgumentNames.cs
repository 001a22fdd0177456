using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.4.1: arguments are defined by their field or directive.</summary>
internal sealed class KnownArgumentNames : ValidationRule
{
    public override void EnterArgument(ValidationContext context, GraphQLArgument argument, object? owner, GqlObjectType? parentType,
        GqlInputField? definition)
    {
        if (definition is not null)
        {
            return;
        }

        var name = argument.Name.StringValue;
        switch (owner)
        {
            case GqlField field:
                context.Report($"Unknown argument \"{name}\" on field \"{parentType?.Name}.{field.Name}\"."
                    + Suggestions.DidYouMean(name, field.Arguments.Select(a => a.Name)), argument);
                break;
            case GqlDirective directive:
                context.Report($"Unknown argument \"{name}\" on directive \"@{directive.Name}\"."
                    + Suggestions.DidYouMean(name, directive.Arguments.Select(a => a.Name)), argument);
                break;
        }
    }
}
