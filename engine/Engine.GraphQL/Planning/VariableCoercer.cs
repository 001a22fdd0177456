using System.Text.Json;
using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>Coerces the request's variables against the operation's variable definitions (GraphQL spec §6.1.2).</summary>
internal static class VariableCoercer
{
    /// <summary>
    /// The coerced value of every variable that was given or has a default; a missing non-null variable and a null for
    /// a non-null variable are errors.
    /// </summary>
    public static Dictionary<string, object?> Coerce(
        GraphQLOperationDefinition operation, JsonElement? variables, InputCoercer coercer, PlanningErrors errors)
    {
        var definitions = operation.Variables?.Items ?? [];
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        var given = variables is { ValueKind: JsonValueKind.Object } json ? json : default;
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.StringValue;
            var type = TypeOf(definition.Type);
            var path = InputPath.Root(name);
            using var scope = errors.At(null, definition);
            if (given.ValueKind == JsonValueKind.Object && given.TryGetProperty(name, out var value))
            {
                coerced[name] = coercer.FromJson(value, type, path);
            }
            else if (definition.DefaultValue is not null)
            {
                coerced[name] = coercer.FromLiteral(definition.DefaultValue, type, path);
            }
            else if (type.IsNonNull)
            {
                errors.BadInput($"Variable \"${name}\" of required type {type} was not provided.", path);
            }
        }

        return coerced;
    }

    /// <summary>The schema type reference of a type written in the document.</summary>
    public static GqlTypeRef TypeOf(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => GqlTypeRef.NonNull(TypeOf(nonNull.Type)),
        GraphQLListType list => GqlTypeRef.ListOf(TypeOf(list.Type)),
        GraphQLNamedType named => GqlTypeRef.Named(named.Name.StringValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "not a type reference"),
    };
}
