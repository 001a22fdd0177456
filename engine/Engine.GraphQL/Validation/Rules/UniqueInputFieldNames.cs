using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.6.3: an input object literal gives each field once.</summary>
internal sealed class UniqueInputFieldNames : ValidationRule
{
    public override void EnterValue(ValidationContext context, GraphQLValue value, GqlTypeRef? type)
    {
        if (value is not GraphQLObjectValue { Fields.Count: > 1 } obj)
        {
            return;
        }

        var seen = new Dictionary<string, GraphQLObjectField>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            var name = field.Name.StringValue;
            if (!seen.TryAdd(name, field))
            {
                context.Report($"There can be only one input field named \"{name}\".", seen[name].Name, field.Name);
            }
        }
    }
}
