using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.4.2.1: non-null arguments without a default are given.</summary>
internal sealed class ProvidedRequiredArguments : ValidationRule
{
    public override void EnterField(ValidationContext context, GraphQLField field, GqlObjectType? parentType, GqlField? definition)
    {
        if (definition is null)
        {
            return;
        }

        foreach (var argument in definition.Arguments)
        {
            if (IsMissing(argument, field.Arguments))
            {
                context.Report($"Field \"{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                    field);
            }
        }
    }

    public override void EnterDirective(ValidationContext context, GraphQLDirective directive, string location, GqlDirective? definition)
    {
        if (definition is null)
        {
            return;
        }

        foreach (var argument in definition.Arguments)
        {
            if (IsMissing(argument, directive.Arguments))
            {
                context.Report(
                    $"Directive \"@{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                    directive);
            }
        }
    }

    private static bool IsMissing(GqlInputField argument, GraphQLArguments? given) =>
        argument.Type.IsNonNull && argument.DefaultValue is null && given?.ValueFor(argument.Name) is null;
}
