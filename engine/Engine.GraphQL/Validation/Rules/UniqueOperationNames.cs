using GraphQLParser.AST;
using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.2.1.1: each named operation has a name of its own.</summary>
internal sealed class UniqueOperationNames : ValidationRule
{
    private readonly Dictionary<string, GraphQLName> seen = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
        if (operation.Name is null)
        {
            return;
        }

        var name = operation.Name.StringValue;
        if (!seen.TryAdd(name, operation.Name))
        {
            context.Report($"There can be only one operation named \"{name}\".", seen[name], operation.Name);
        }
    }
}
