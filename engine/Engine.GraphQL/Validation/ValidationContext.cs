using Engine.GraphQL.Errors;
using Engine.GraphQL.Schema;
using Engine.Query.Errors;
using GraphQLParser.AST;
using ErrorLocation = Engine.GraphQL.Errors.GraphQLLocation;

namespace Engine.GraphQL.Validation;

/// <summary>A use of a variable and the input type expected where it is used.</summary>
/// <param name="Node">The variable in the document.</param>
/// <param name="Type">The expected type, or null when unknown.</param>
/// <param name="HasLocationDefault">True when the argument or input field it fills has a default value.</param>
internal readonly record struct VariableUsage(GraphQLVariable Node, GqlTypeRef? Type, bool HasLocationDefault);

/// <summary>The state of one validation: the document, the schema, the errors so far and what the walk recorded.</summary>
internal sealed class ValidationContext
{
    /// <summary>Past this many errors validation stops (as graphql-js does), so a hostile document cannot flood the response.</summary>
    public const int MaxErrors = 100;

    private static readonly string BadUserInput = ErrorCodes.Name(ErrorCode.BadUserInput);

    private readonly List<GraphQLError> errors = [];
    private readonly Dictionary<ASTNode, DefinitionInfo> definitions = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(GraphQLDocument document, GqlSchema schema)
    {
        Document = document;
        Schema = schema;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    Operations.Add(operation);
                    break;
                case GraphQLFragmentDefinition fragment:
                    FragmentDefinitions.Add(fragment);
                    Fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                    break;
            }
        }
    }

    public GraphQLDocument Document { get; }

    public GqlSchema Schema { get; }

    public IReadOnlyList<GraphQLError> Errors => errors;

    /// <summary>True once <see cref="MaxErrors"/> errors were reported.</summary>
    public bool IsFull => errors.Count >= MaxErrors;

    public List<GraphQLOperationDefinition> Operations { get; } = [];

    public List<GraphQLFragmentDefinition> FragmentDefinitions { get; } = [];

    /// <summary>The first fragment definition of each name.</summary>
    public Dictionary<string, GraphQLFragmentDefinition> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>Records an error located at <paramref name="nodes"/>.</summary>
    public void Report(string message, params ASTNode?[] nodes)
    {
        if (IsFull)
        {
            return;
        }

        var locations = new List<ErrorLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                var (line, column) = GraphQLParser.Location.FromLinearPosition(Document.Source, node.Location.Start);
                locations.Add(new ErrorLocation(line, column));
            }
        }

        errors.Add(new GraphQLError(message, BadUserInput, locations.Count == 0 ? null : locations));
        if (IsFull)
        {
            errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted.", BadUserInput));
        }
    }

    /// <summary>What the walk recorded for an operation or fragment definition.</summary>
    public DefinitionInfo Info(ASTNode definition)
    {
        if (!definitions.TryGetValue(definition, out var info))
        {
            info = new DefinitionInfo();
            definitions.Add(definition, info);
        }

        return info;
    }

    /// <summary>The fragments <paramref name="operation"/> uses, directly or through other fragments (known ones only).</summary>
    public IReadOnlyList<GraphQLFragmentDefinition> RecursivelyReferencedFragments(GraphQLOperationDefinition operation)
    {
        var info = Info(operation);
        if (info.ReferencedFragments is not null)
        {
            return info.ReferencedFragments;
        }

        var result = new List<GraphQLFragmentDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ASTNode>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            foreach (var spread in Info(pending.Pop()).Spreads)
            {
                var name = spread.FragmentName.Name.StringValue;
                if (seen.Add(name) && Fragments.TryGetValue(name, out var fragment))
                {
                    result.Add(fragment);
                    pending.Push(fragment);
                }
            }
        }

        info.ReferencedFragments = result;
        return result;
    }

    /// <summary>Every variable usage of <paramref name="operation"/>, including those in the fragments it uses.</summary>
    public IReadOnlyList<VariableUsage> RecursiveVariableUsages(GraphQLOperationDefinition operation)
    {
        var info = Info(operation);
        if (info.RecursiveUsages is not null)
        {
            return info.RecursiveUsages;
        }

        var usages = new List<VariableUsage>(info.Usages);
        foreach (var fragment in RecursivelyReferencedFragments(operation))
        {
            usages.AddRange(Info(fragment).Usages);
        }

        info.RecursiveUsages = usages;
        return usages;
    }

    /// <summary>The schema type a document type denotes, or null when its named type is unknown.</summary>
    public GqlTypeRef? TypeFromAst(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeFromAst(nonNull.Type) is { } inner ? GqlTypeRef.NonNull(inner) : null,
        GraphQLListType list => TypeFromAst(list.Type) is { } item ? GqlTypeRef.ListOf(item) : null,
        GraphQLNamedType named => Schema.Type(named.Name.StringValue) is { } t ? GqlTypeRef.Named(t.Name) : null,
        _ => null,
    };

    /// <summary>The named type at the core of <paramref name="type"/>.</summary>
    public GqlNamedType? NamedType(GqlTypeRef? type) => type is null ? null : Schema.Type(type.NamedType);

    /// <summary>Scalars, enums and input objects may be inputs.</summary>
    public static bool IsInputType(GqlNamedType type) => type is GqlScalarType or GqlEnumType or GqlInputObjectType;

    /// <summary>Scalars and enums are leaves: selecting them needs no sub-selection.</summary>
    public static bool IsLeafType(GqlNamedType type) => type is GqlScalarType or GqlEnumType;
}

/// <summary>Variable usages and fragment spreads found in one operation or fragment definition.</summary>
internal sealed class DefinitionInfo
{
    public List<VariableUsage> Usages { get; } = [];

    public List<GraphQLFragmentSpread> Spreads { get; } = [];

    public List<GraphQLFragmentDefinition>? ReferencedFragments { get; set; }

    public List<VariableUsage>? RecursiveUsages { get; set; }
}

/// <summary>Prints document types as GraphQL text for messages.</summary>
internal static class AstTypes
{
    /// <summary><c>[Int!]!</c>.</summary>
    public static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.Kind.ToString(),
    };
}
