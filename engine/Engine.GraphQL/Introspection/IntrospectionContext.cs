using System.Text.Json;
using GraphQLParser.AST;

namespace Engine.GraphQL.Introspection;

/// <summary>
/// What executing introspection fields needs from the request: the document's fragments, the variable values (with the
/// operation's defaults for omitted ones) and the root type name <c>__typename</c> answers at the top level.
/// </summary>
public sealed class IntrospectionContext
{
    private readonly IReadOnlyDictionary<string, JsonElement> variables;
    private readonly Dictionary<string, GraphQLVariableDefinition> variableDefinitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = new(StringComparer.Ordinal);

    /// <summary>Builds the context of <paramref name="operation"/> in <paramref name="document"/>.</summary>
    /// <param name="document">The validated document (its fragments are used).</param>
    /// <param name="operation">The operation being executed (its variable defaults are used).</param>
    /// <param name="variables">The request's variable values; null for none.</param>
    /// <param name="rootTypeName">The operation's root type, e.g. <c>Query</c>.</param>
    public IntrospectionContext(GraphQLDocument document, GraphQLOperationDefinition operation,
        IReadOnlyDictionary<string, JsonElement>? variables, string rootTypeName)
    {
        this.variables = variables ?? new Dictionary<string, JsonElement>();
        RootTypeName = rootTypeName;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        foreach (var v in operation.Variables?.Items ?? [])
        {
            variableDefinitions.TryAdd(v.Variable.Name.StringValue, v);
        }
    }

    /// <summary>The type name <c>__typename</c> has at the top level.</summary>
    public string RootTypeName { get; }

    /// <summary>The fragment with this name, or null.</summary>
    public GraphQLFragmentDefinition? Fragment(string name) => fragments.GetValueOrDefault(name);

    /// <summary>False when <c>@skip(if: true)</c> or <c>@include(if: false)</c> is among <paramref name="directives"/>.</summary>
    public bool ShouldInclude(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.Value.Span;
            if (name.SequenceEqual("skip") && BoolArgument(directive.Arguments, "if", false))
            {
                return false;
            }

            if (name.SequenceEqual("include") && !BoolArgument(directive.Arguments, "if", true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A Boolean argument's value, from a literal or a variable; <paramref name="fallback"/> when absent or null.</summary>
    public bool BoolArgument(GraphQLArguments? arguments, string name, bool fallback) =>
        Resolve(arguments?.ValueFor(name)) switch
        {
            GraphQLBooleanValue b => b.BoolValue,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            _ => fallback,
        };

    /// <summary>A String argument's value, from a literal or a variable; null when absent or null.</summary>
    public string? StringArgument(GraphQLArguments? arguments, string name) =>
        Resolve(arguments?.ValueFor(name)) switch
        {
            GraphQLStringValue s => s.Value.ToString(),
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };

    /// <summary>A literal, or for a variable its JSON value (or its default literal when the request omits it).</summary>
    private object? Resolve(GraphQLValue? value)
    {
        if (value is not GraphQLVariable variable)
        {
            return value;
        }

        var name = variable.Name.StringValue;
        if (variables.TryGetValue(name, out var json))
        {
            return json;
        }

        return variableDefinitions.GetValueOrDefault(name)?.DefaultValue;
    }
}
