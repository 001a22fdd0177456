using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>§5.3.3: leaf fields have no selection set; object fields must have one.</summary>
internal sealed class ScalarLeafs : ValidationRule
{
    public override void EnterField(ValidationContext context, GraphQLField field, GqlObjectType? parentType, GqlField? definition)
    {
        if (context.NamedType(definition?.Type) is not { } type)
        {
            return;
        }

        var name = field.Name.StringValue;
        if (ValidationContext.IsLeafType(type))
        {
            if (field.SelectionSet is not null)
            {
                context.Report($"Field \"{name}\" must not have a selection since type \"{definition!.Type}\" has no subfields.", field.SelectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            context.Report($"Field \"{name}\" of type \"{definition!.Type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?",
                field);
        }
    }
}
