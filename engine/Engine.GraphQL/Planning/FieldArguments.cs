using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>The coerced arguments of one field (GraphQL spec §6.4.1): given values, defaults, required checks.</summary>
internal sealed class FieldArguments
{
    private readonly Dictionary<string, object?> values;

    private FieldArguments(Dictionary<string, object?> values) => this.values = values;

    /// <summary>Coerces the arguments <paramref name="node"/> passes to <paramref name="field"/>.</summary>
    public static FieldArguments Coerce(GqlField field, GraphQLField node, InputCoercer coercer, PlanningErrors errors)
    {
        var values = new Dictionary<string, object?>(field.Arguments.Count, StringComparer.Ordinal);
        foreach (var argument in field.Arguments)
        {
            var path = InputPath.Root(argument.Name);
            var value = AbsentValue.Instance as object;
            if (node.Arguments is { } given)
            {
                foreach (var candidate in given.Items)
                {
                    if (candidate.Name == argument.Name)
                    {
                        value = coercer.FromLiteral(candidate.Value, argument.Type, path);
                        break;
                    }
                }
            }

            if (value == AbsentValue.Instance)
            {
                value = coercer.DefaultOf(argument, path);
            }

            if (value != AbsentValue.Instance)
            {
                values[argument.Name] = value;
            }
            else if (argument.Type.IsNonNull)
            {
                errors.BadInput($"Argument \"{argument.Name}\" of type {argument.Type} is required.", path);
            }
        }

        return new FieldArguments(values);
    }

    /// <summary>The argument's coerced value; null when absent or null.</summary>
    public object? this[string name] => values.GetValueOrDefault(name);
}
