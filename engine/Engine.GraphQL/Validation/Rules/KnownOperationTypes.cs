using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// An operation's type must have a root in the schema (a schema without resources has no Mutation and no Subscription). graphql-js 17 has the same rule; the spec states it in §6.2 (GetOperation's root type).
/// </summary>
internal sealed class KnownOperationTypes : ValidationRule
{
    public override void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
        if (rootType is null)
        {
            var kind = operation.Operation == OperationType.Mutation ? "mutation" : "subscription";
            context.Report($"The {kind} operation is not supported by the schema.", operation);
        }
    }
}
