using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.1.1: a request document holds only operations and fragments, never type system definitions.</summary>
internal sealed class ExecutableDefinitions : ValidationRule
{
    public override void EnterDefinition(ValidationContext context, ASTNode definition)
    {
        if (definition is GraphQLOperationDefinition or GraphQLFragmentDefinition)
        {
            return;
        }

        var name = definition is INamedNode { Name: { } n } ? n.StringValue : "schema";
        context.Report($"The \"{name}\" definition is not executable.", definition);
    }
}
