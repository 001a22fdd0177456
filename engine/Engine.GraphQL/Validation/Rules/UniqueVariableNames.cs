using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.8.1: an operation defines each variable once.</summary>
internal sealed class UniqueVariableNames : ValidationRule
{
    public override void EnterOperation(ValidationContext context, GraphQLOperationDefinition operation, GqlObjectType? rootType)
    {
        var seen = new Dictionary<string, GraphQLVariable>(StringComparer.Ordinal);
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            var name = variable.Variable.Name.StringValue;
            if (!seen.TryAdd(name, variable.Variable))
            {
                context.Report($"There can be only one variable named \"${name}\".", seen[name], variable.Variable);
            }
        }
    }
}
