using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation.Rules;

/// <summary>
/// §5.8.5: a variable's type fits every place it is used. A nullable variable may fill a non-null position only when
/// the variable or the position has a default (the spec's AreTypesCompatible with the default allowance).
/// </summary>
internal sealed class VariablesInAllowedPosition : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var definitions = new Dictionary<string, GraphQLVariableDefinition>(StringComparer.Ordinal);
            foreach (var variable in operation.Variables?.Items ?? [])
            {
                definitions.TryAdd(variable.Variable.Name.StringValue, variable);
            }

            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                if (usage.Type is null || !definitions.TryGetValue(usage.Node.Name.StringValue, out var definition)
                    || context.TypeFromAst(definition.Type) is not { } variableType)
                {
                    continue;
                }

                if (!IsAllowed(variableType, definition.DefaultValue, usage.Type, usage.HasLocationDefault))
                {
                    context.Report(
                        $"Variable \"${usage.Node.Name.StringValue}\" of type \"{AstTypes.Print(definition.Type)}\" used in position expecting type \"{usage.Type}\".",
                        definition, usage.Node);
                }
            }
        }
    }

    private static bool IsAllowed(GqlTypeRef variableType, GraphQLValue? variableDefault, GqlTypeRef locationType, bool hasLocationDefault)
    {
        if (locationType.IsNonNull && !variableType.IsNonNull)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not GraphQLNullValue;
            return (hasNonNullVariableDefault || hasLocationDefault) && IsSubType(variableType, locationType.Nullable);
        }

        return IsSubType(variableType, locationType);
    }

    private static bool IsSubType(GqlTypeRef maybeSub, GqlTypeRef super)
    {
        if (super.IsNonNull)
        {
            return maybeSub.IsNonNull && IsSubType(maybeSub.OfType!, super.OfType!);
        }

        if (maybeSub.IsNonNull)
        {
            return IsSubType(maybeSub.OfType!, super);
        }

        if (super.Kind == GqlTypeRefKind.List)
        {
            return maybeSub.Kind == GqlTypeRefKind.List && IsSubType(maybeSub.OfType!, super.OfType!);
        }

        return maybeSub.Kind == GqlTypeRefKind.Named && maybeSub.Name == super.Name;
    }
}
