using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// §5.6.1 / §5.6.2 / §5.6.4: literals fit their input type: scalars parse (<see cref="ScalarCoercion"/>), enum values
/// exist, input objects name known fields and give every required one, and null only stands where null is allowed.
/// </summary>
internal sealed class ValuesOfCorrectType : ValidationRule
{
    public override void EnterValue(ValidationContext context, GraphQLValue value, GqlTypeRef? type)
    {
        if (type is null || value is GraphQLVariable)
        {
            return;
        }

        // A scalar (Json) may be written as an object or list literal: the scalar decides.
        if (value is GraphQLListValue or GraphQLObjectValue && type.Nullable.Kind == GqlTypeRefKind.Named
            && context.NamedType(type) is GqlScalarType)
        {
            CheckLeaf(context, value, type);
            return;
        }

        switch (value)
        {
            case GraphQLNullValue:
                if (type.IsNonNull)
                {
                    context.Report($"Expected value of type \"{type}\", found null.", value);
                }

                break;
            case GraphQLListValue:
                if (type.Nullable.Kind != GqlTypeRefKind.List)
                {
                    context.Report($"Expected value of type \"{type}\", found {LiteralPrinter.Print(value)}.", value);
                }

                break;
            case GraphQLObjectValue obj:
                CheckObject(context, obj, type);
                break;
            default:
                CheckLeaf(context, value, type);
                break;
        }
    }

    private static void CheckObject(ValidationContext context, GraphQLObjectValue obj, GqlTypeRef type)
    {
        if (context.NamedType(type) is not GqlInputObjectType input)
        {
            context.Report($"Expected value of type \"{type}\", found {LiteralPrinter.Print(obj)}.", obj);
            return;
        }

        foreach (var field in input.Fields)
        {
            if (field.Type.IsNonNull && field.DefaultValue is null && obj.Field(field.Name) is null)
            {
                context.Report($"Field \"{input.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", obj);
            }
        }

        foreach (var field in obj.Fields ?? [])
        {
            var name = field.Name.StringValue;
            if (!input.FieldsByName.ContainsKey(name))
            {
                context.Report($"Field \"{name}\" is not defined by type \"{input.Name}\"." + Suggestions.DidYouMean(name, input.FieldsByName.Keys),
                    field);
            }
        }
    }

    private static void CheckLeaf(ValidationContext context, GraphQLValue value, GqlTypeRef type)
    {
        switch (context.NamedType(type))
        {
            case GqlEnumType enumType:
                if (value is not GraphQLEnumValue enumValue)
                {
                    var hint = value is GraphQLStringValue s
                        ? Suggestions.DidYouMean(s.Value.ToString(), enumType.ValuesByName.Keys, "the enum value ")
                        : "";
                    context.Report($"Enum \"{enumType.Name}\" cannot represent non-enum value: {LiteralPrinter.Print(value)}.{hint}", value);
                }
                else if (!enumType.ValuesByName.ContainsKey(enumValue.Name.StringValue))
                {
                    var name = enumValue.Name.StringValue;
                    context.Report($"Value \"{name}\" does not exist in \"{enumType.Name}\" enum."
                        + Suggestions.DidYouMean(name, enumType.ValuesByName.Keys, "the enum value "), value);
                }

                break;
            case GqlScalarType scalar:
                if (!ScalarCoercion.TryCoerceLiteral(scalar.Name, value, out _, out var error))
                {
                    context.Report($"Expected value of type \"{type}\", found {LiteralPrinter.Print(value)}; {error}", value);
                }

                break;
            case GqlInputObjectType:
                context.Report($"Expected value of type \"{type}\", found {LiteralPrinter.Print(value)}.", value);
                break;
        }
    }
}
