namespace Engine.GraphQL.Tests.Validation;

public class FieldRulesTests
{
    [Fact]
    public void FieldsOnCorrectType_UnknownField_SuggestsCloseNames()
    {
        ValidationAssert.Valid("{ posts { id title author { name } __typename } __schema { queryType { name } } }");
        ValidationAssert.Invalid("{ posts { titel } }", "Cannot query field \"titel\" on type \"Post\". Did you mean \"title\" or \"state\"?", (1, 11));
        ValidationAssert.Invalid("{ posts { zzzzzz } }", "Cannot query field \"zzzzzz\" on type \"Post\".", (1, 11));
    }

    [Fact]
    public void FieldsOnCorrectType_SchemaMetaFieldOffTheRoot_IsRejected()
    {
        ValidationAssert.Invalid("{ posts { __schema { queryType { name } } } }", "Cannot query field \"__schema\" on type \"Post\".", (1, 11));
    }

    [Fact]
    public void ScalarLeafs_SelectionOnLeafOrNoneOnObject_IsRejected()
    {
        ValidationAssert.Invalid("{ posts { title { x } } }", "Field \"title\" must not have a selection since type \"String!\" has no subfields.", (1, 17));
        ValidationAssert.Invalid("{ posts }", "Field \"posts\" of type \"[Post!]!\" must have a selection of subfields. Did you mean \"posts { ... }\"?", (1, 3));
    }

    [Fact]
    public void OverlappingFieldsCanBeMerged_SameKeyDifferentFields_IsRejected()
    {
        ValidationAssert.Valid("{ posts { id id title: title ...F } } fragment F on Post { id }");
        ValidationAssert.Invalid("{ posts { x: title x: slug } }",
            "Fields \"x\" conflict because \"title\" and \"slug\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            (1, 11), (1, 20));
    }

    [Fact]
    public void OverlappingFieldsCanBeMerged_DifferentArguments_IsRejected()
    {
        ValidationAssert.Valid("{ posts(first: 1) { id } posts(first: 1) { title } }");
        ValidationAssert.Invalid("{ posts(first: 1) { id } ... on Query { posts(first: 2) { id } } }",
            "Fields \"posts\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
            (1, 3), (1, 41));
    }

    [Fact]
    public void OverlappingFieldsCanBeMerged_ConflictingSubfields_IsRejected()
    {
        ValidationAssert.Invalid("{ posts { author { n: name } } posts { author { n: id } } }",
            "Fields \"posts\" conflict because subfields \"author\" conflict because subfields \"n\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            (1, 3), (1, 32));
    }
}
