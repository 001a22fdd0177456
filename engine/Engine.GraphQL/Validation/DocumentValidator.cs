using Engine.GraphQL.Errors;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema with the rules of the GraphQL spec (§5), one rule per file under
/// <c>Rules/</c>, in a single walk of the document. Errors are <c>BAD_USER_INPUT</c> with locations; an empty list
/// means the document may be executed.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The document's validation errors against <paramref name="schema"/>, in document order; empty when valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(GraphQLDocument document, GqlSchema schema)
    {
        var context = new ValidationContext(document, schema);
        new DocumentWalker(context, CreateRules()).Walk();
        return context.Errors;
    }

    /// <summary>A fresh instance of every rule (rules keep state for one validation).</summary>
    private static ValidationRule[] CreateRules() =>
    [
        new ExecutableDefinitions(),
        new UniqueOperationNames(),
        new LoneAnonymousOperation(),
        new KnownOperationTypes(),
        new SingleFieldSubscriptions(),
        new KnownTypeNames(),
        new FragmentsOnCompositeTypes(),
        new VariablesAreInputTypes(),
        new ScalarLeafs(),
        new FieldsOnCorrectType(),
        new UniqueFragmentNames(),
        new KnownFragmentNames(),
        new NoUnusedFragments(),
        new PossibleFragmentSpreads(),
        new NoFragmentCycles(),
        new UniqueVariableNames(),
        new NoUndefinedVariables(),
        new NoUnusedVariables(),
        new KnownDirectives(),
        new UniqueDirectivesPerLocation(),
        new KnownArgumentNames(),
        new UniqueArgumentNames(),
        new ValuesOfCorrectType(),
        new ProvidedRequiredArguments(),
        new VariablesInAllowedPosition(),
        new OverlappingFieldsCanBeMerged(),
        new UniqueInputFieldNames(),
    ];
}
