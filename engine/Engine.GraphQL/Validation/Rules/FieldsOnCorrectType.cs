using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.3.1: every selected field exists on its parent type, with "Did you mean" hints like graphql-js.</summary>
internal sealed class FieldsOnCorrectType : ValidationRule
{
    public override void EnterField(ValidationContext context, GraphQLField field, GqlObjectType? parentType, GqlField? definition)
    {
        if (parentType is null || definition is not null)
        {
            return;
        }

        var name = field.Name.StringValue;
        context.Report($"Cannot query field \"{name}\" on type \"{parentType.Name}\"."
            + Suggestions.DidYouMean(name, parentType.FieldsByName.Keys), field);
    }
}
