namespace Engine.GraphQL.Tests.Validation;

public class ArgumentRulesTests
{
    [Fact]
    public void KnownArgumentNames_UnknownFieldArgument_SuggestsCloseNames()
    {
        ValidationAssert.Valid("{ posts(first: 2, skip: 1) { id } }");
        ValidationAssert.Invalid("{ posts(frist: 2) { id } }", "Unknown argument \"frist\" on field \"Query.posts\". Did you mean \"first\" or \"last\"?", (1, 9));
    }

    [Fact]
    public void KnownArgumentNames_UnknownDirectiveArgument_IsRejected()
    {
        ValidationAssert.Invalid("{ posts @skip(if: true, unless: false) { id } }", "Unknown argument \"unless\" on directive \"@skip\".", (1, 25));
    }

    [Fact]
    public void ProvidedRequiredArguments_MissingWhere_IsRejected()
    {
        ValidationAssert.Valid("""{ post(where: { slug: "a" }) { id } __type(name: "Post") { name } }""");
        ValidationAssert.Invalid("{ post { id } }",
            "Field \"post\" argument \"where\" of type \"PostWhereUniqueInput!\" is required, but it was not provided.", (1, 3));
        ValidationAssert.Invalid("{ posts @include { id } }",
            "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 9));
    }

    [Fact]
    public void UniqueArgumentNames_Repeated_IsRejected()
    {
        ValidationAssert.Invalid("{ posts(first: 1, first: 2) { id } }", "There can be only one argument named \"first\".", (1, 9), (1, 19));
    }
}
