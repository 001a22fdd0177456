namespace Engine.GraphQL.Tests.Validation;

public class ValueRulesTests
{
    [Fact]
    public void ValuesOfCorrectType_ValidLiterals_AreAccepted()
    {
        ValidationAssert.Valid("""
            { posts(where: { id_in: "0190f5e2-7c1d-7000-8000-00000000000a", views_gt: 3, state: LIVE, title_contains: "x",
                             createdAt_gte: "2024-01-01T00:00:00Z", author: { name: "A" }, OR: { published: true } },
                    orderBy: views_DESC, first: 10) { id } }
            """);
    }

    [Fact]
    public void ValuesOfCorrectType_BadScalar_ExplainsWhy()
    {
        ValidationAssert.Invalid("{ posts(first: \"ten\") { id } }",
            "Expected value of type \"Int\", found \"ten\"; Int cannot represent a string: \"ten\"", (1, 16));
        ValidationAssert.Invalid("""{ post(where: { id: "nope" }) { id } }""",
            "Expected value of type \"ID\", found \"nope\"; ID cannot represent a value that is not a UUID (such as \"0190f5e2-7c1d-7000-8000-00000000000a\"): \"nope\"",
            (1, 21));
    }

    [Fact]
    public void ValuesOfCorrectType_NullForNonNull_IsRejected()
    {
        ValidationAssert.Invalid("{ post(where: null) { id } }", "Expected value of type \"PostWhereUniqueInput!\", found null.", (1, 15));
        ValidationAssert.Invalid("{ posts(where: { id_in: [null] }) { id } }", "Expected value of type \"ID!\", found null.", (1, 26));
    }

    [Fact]
    public void ValuesOfCorrectType_EnumValues_AreChecked()
    {
        ValidationAssert.Invalid("{ posts(orderBy: views_DSC) { id } }",
            "Value \"views_DSC\" does not exist in \"PostOrderByInput\" enum. Did you mean the enum value \"views_ASC\" or \"views_DESC\"?", (1, 18));
        ValidationAssert.Invalid("""{ posts(where: { state: "LIVE" }) { id } }""",
            "Enum \"PostState\" cannot represent non-enum value: \"LIVE\". Did you mean the enum value \"LIVE\"?", (1, 25));
    }

    [Fact]
    public void ValuesOfCorrectType_InputObjects_AreChecked()
    {
        ValidationAssert.Invalid("{ posts(where: { slgu_in: \"x\" }) { id } }",
            "Field \"slgu_in\" is not defined by type \"PostWhereInput\". Did you mean \"slug_in\", \"slug_gt\", or \"slug_lt\"?", (1, 18));
        ValidationAssert.Invalid("mutation { createPost(data: { views: 1 }) { id } }",
            "Field \"PostCreateInput.title\" of required type \"String!\" was not provided.", (1, 29));
        ValidationAssert.Invalid("{ posts(where: [1]) { id } }", "Expected value of type \"PostWhereInput\", found [1].", (1, 16));
        ValidationAssert.Invalid("{ posts(where: 1) { id } }", "Expected value of type \"PostWhereInput\", found 1.", (1, 16));
    }

    [Fact]
    public void UniqueInputFieldNames_Repeated_IsRejected()
    {
        ValidationAssert.Invalid("{ posts(where: { views: 1, views: 2 }) { id } }", "There can be only one input field named \"views\".", (1, 18), (1, 28));
    }
}
