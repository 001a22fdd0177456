using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.2.2.1: an anonymous operation must be the document's only operation.</summary>
internal sealed class LoneAnonymousOperation : ValidationRule
{
    public override void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
        if (operation.Name is null && context.Operations.Count > 1)
        {
            context.Report("This anonymous operation must be the only defined operation.", operation);
        }
    }
}
