using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Tests.Validation;

public class DocumentRulesTests
{
    [Fact]
    public void ExecutableDefinitions_TypeDefinition_IsRejected()
    {
        ValidationAssert.Valid("query A { posts { ...F } } fragment F on Post { id } query B { ...F2 } fragment F2 on Query { _version }");
        ValidationAssert.Invalid("{ _version } type Extra { a: Int }", "The \"Extra\" definition is not executable.", (1, 14));
    }

    [Fact]
    public void UniqueOperationNames_SameNameTwice_IsRejected()
    {
        ValidationAssert.Valid("query A { _version } query B { _version }");
        ValidationAssert.Invalid("query A { _version } query A { posts { id } }", "There can be only one operation named \"A\".", (1, 7), (1, 28));
    }

    [Fact]
    public void LoneAnonymousOperation_WithAnotherOperation_IsRejected()
    {
        ValidationAssert.Valid("{ _version }");
        ValidationAssert.Invalid("{ _version } query B { _version }", "This anonymous operation must be the only defined operation.", (1, 1));
    }

    [Fact]
    public void KnownOperationTypes_MutationWithoutResources_IsRejected()
    {
        var empty = OpenCrudSchemaBuilder.Compose([]);
        ValidationAssert.Valid("{ _version __typename }", empty);
        var error = Assert.Single(ValidationAssert.Validate("mutation { _version }", empty));
        Assert.Equal("The mutation operation is not supported by the schema.", error.Message);
        var subscription = Assert.Single(ValidationAssert.Validate("subscription { _version }", empty));
        Assert.Equal("The subscription operation is not supported by the schema.", subscription.Message);
    }
}
