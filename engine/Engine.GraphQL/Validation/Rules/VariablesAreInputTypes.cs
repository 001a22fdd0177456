using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.8.2: variables have input types (scalars, enums, input objects).</summary>
internal sealed class VariablesAreInputTypes : ValidationRule
{
    public override void EnterVariableDefinition(ValidationContext context, GraphQLVariableDefinition variable, GqlTypeRef? type)
    {
        if (context.NamedType(type) is { } named && !ValidationContext.IsInputType(named))
        {
            context.Report($"Variable \"${variable.Variable.Name.StringValue}\" cannot be non-input type \"{AstTypes.Print(variable.Type)}\".",
                variable.Type);
        }
    }
}
