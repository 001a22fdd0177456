using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// §5.5.2.3: a fragment applies to the type it is spread in. With object types only, that means the same type.
/// </summary>
internal sealed class PossibleFragmentSpreads : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, GraphQLInlineFragment fragment, GqlObjectType? parentType,
        GqlNamedType? typeCondition)
    {
        if (parentType is not null && typeCondition is GqlObjectType condition && !ReferenceEquals(parentType, condition))
        {
            context.Report($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{condition.Name}\".",
                fragment);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, GraphQLFragmentSpread spread, GqlObjectType? parentType)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (parentType is null || !context.Fragments.TryGetValue(name, out var fragment))
        {
            return;
        }

        if (context.Schema.Type(fragment.TypeCondition.Type.Name.StringValue) is GqlObjectType condition && !ReferenceEquals(parentType, condition))
        {
            context.Report(
                $"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{condition.Name}\".",
                spread);
        }
    }
}
