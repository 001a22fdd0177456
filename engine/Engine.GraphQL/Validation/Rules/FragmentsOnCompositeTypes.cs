using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.5.1.3: fragments condition on object types only (the schema has no interfaces or unions).</summary>
internal sealed class FragmentsOnCompositeTypes : ValidationRule
{
    public override void EnterFragmentDefinition(ValidationContext context, GraphQLFragmentDefinition fragment, GqlNamedType? typeCondition)
    {
        if (typeCondition is not null and not GqlObjectType)
        {
            context.Report($"Fragment \"{fragment.FragmentName.Name.StringValue}\" cannot condition on non composite type \"{typeCondition.Name}\".",
                fragment.TypeCondition.Type);
        }
    }

    public override void EnterInlineFragment(ValidationContext context, GraphQLInlineFragment fragment, GqlObjectType? parentType,
        GqlNamedType? typeCondition)
    {
        if (fragment.TypeCondition is not null && typeCondition is not null and not GqlObjectType)
        {
            context.Report($"Fragment cannot condition on non composite type \"{typeCondition.Name}\".", fragment.TypeCondition.Type);
        }
    }
}
