namespace Engine.GraphQL.Tests.Validation;

public class FragmentRulesTests
{
    [Fact]
    public void KnownFragmentNames_Unknown_IsRejected()
    {
        ValidationAssert.Valid("{ posts { ...P } } fragment P on Post { id }");
        ValidationAssert.Invalid("{ posts { ...Missing } }", "Unknown fragment \"Missing\".", (1, 14));
    }

    [Fact]
    public void NoUnusedFragments_Unused_IsRejected()
    {
        ValidationAssert.Valid("{ posts { ...A } } fragment A on Post { ...B } fragment B on Post { id }");
        ValidationAssert.Invalid("{ posts { id } } fragment A on Post { id }", "Fragment \"A\" is never used.", (1, 18));
    }

    [Fact]
    public void NoFragmentCycles_IndirectCycle_IsRejected()
    {
        var errors = ValidationAssert.Validate("{ posts { ...A } } fragment A on Post { ...B } fragment B on Post { ...A }");
        Assert.Contains(errors, e => e.Message == "Cannot spread fragment \"A\" within itself via \"B\".");
        ValidationAssert.Invalid("{ posts { ...A } } fragment A on Post { id ...A }", "Cannot spread fragment \"A\" within itself.", (1, 44));
    }

    [Fact]
    public void FragmentsOnCompositeTypes_ScalarCondition_IsRejected()
    {
        var errors = ValidationAssert.Validate("{ posts { ...S } } fragment S on String { length }");
        Assert.Contains(errors, e => e.Message == "Fragment \"S\" cannot condition on non composite type \"String\".");
        ValidationAssert.Invalid("{ posts { ... on PostState { x } } }", "Fragment cannot condition on non composite type \"PostState\".", (1, 18));
    }

    [Fact]
    public void PossibleFragmentSpreads_OtherObjectType_IsRejected()
    {
        ValidationAssert.Valid("{ posts { ... on Post { id } ... { title } } }");
        ValidationAssert.Invalid("{ posts { ...A } } fragment A on Author { name }",
            "Fragment \"A\" cannot be spread here as objects of type \"Post\" can never be of type \"Author\".", (1, 11));
        ValidationAssert.Invalid("{ posts { ... on Author { name } } }",
            "Fragment cannot be spread here as objects of type \"Post\" can never be of type \"Author\".", (1, 11));
    }

    [Fact]
    public void UniqueFragmentNames_Twice_IsRejected()
    {
        ValidationAssert.Invalid("{ posts { ...A } } fragment A on Post { id } fragment A on Post { id }",
            "There can be only one fragment named \"A\".", (1, 29), (1, 55));
    }

    [Fact]
    public void KnownTypeNames_UnknownTypeCondition_SuggestsCloseNames()
    {
        ValidationAssert.Invalid("{ posts { ... on Pots { id } } }", "Unknown type \"Pots\". Did you mean \"Post\"?", (1, 18));
    }
}
