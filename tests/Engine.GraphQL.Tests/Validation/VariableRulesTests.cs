namespace Engine.GraphQL.Tests.Validation;

public class VariableRulesTests
{
    [Fact]
    public void VariablesAreInputTypes_ObjectType_IsRejected()
    {
        ValidationAssert.Valid("query Q($w: PostWhereInput, $o: PostOrderByInput, $n: Int) { posts(where: $w, orderBy: $o, first: $n) { id } }");
        var errors = ValidationAssert.Validate("query Q($p: Post!) { _version }");
        Assert.Contains(errors, e => e.Message == "Variable \"$p\" cannot be non-input type \"Post!\".");
    }

    [Fact]
    public void KnownTypeNames_UnknownVariableType_IsRejected()
    {
        var errors = ValidationAssert.Validate("query Q($p: Strin) { posts(where: { title: $p }) { id } }");
        Assert.Contains(errors, e => e.Message == "Unknown type \"Strin\". Did you mean \"String\"?");
    }

    [Fact]
    public void UniqueVariableNames_Twice_IsRejected()
    {
        var errors = ValidationAssert.Validate("query Q($a: Int, $a: Int) { posts(first: $a) { id } }");
        Assert.Contains(errors, e => e.Message == "There can be only one variable named \"$a\".");
    }

    [Fact]
    public void NoUndefinedVariables_InFragment_IsRejected()
    {
        ValidationAssert.Valid("query Q($n: Int) { ...F } fragment F on Query { posts(first: $n) { id } }");
        ValidationAssert.Invalid("query Q { ...F } fragment F on Query { posts(first: $n) { id } }",
            "Variable \"$n\" is not defined by operation \"Q\".", (1, 53), (1, 1));
    }

    [Fact]
    public void NoUnusedVariables_Unused_IsRejected()
    {
        ValidationAssert.Invalid("query ($n: Int) { _version }", "Variable \"$n\" is never used.", (1, 8));
    }

    [Fact]
    public void VariablesInAllowedPosition_NullableInNonNull_IsRejected()
    {
        ValidationAssert.Valid("query Q($s: String!, $ids: [ID!]!) { posts(where: { title: $s, id_in: $ids }) { id } }");
        ValidationAssert.Valid("""query Q($b: Boolean = true) { posts { id @include(if: $b) } }""");
        ValidationAssert.Invalid("query Q($b: Boolean) { posts { id @include(if: $b) } }",
            "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (1, 48));
        ValidationAssert.Invalid("query Q($n: Long) { posts(first: $n) { id } }",
            "Variable \"$n\" of type \"Long\" used in position expecting type \"Int\".", (1, 9), (1, 34));
        ValidationAssert.Invalid("query Q($ids: [ID]) { posts(where: { id_in: $ids }) { id } }",
            "Variable \"$ids\" of type \"[ID]\" used in position expecting type \"[ID!]\".", (1, 9), (1, 45));
    }

    [Fact]
    public void VariablesInAllowedPosition_IntrospectionArgumentWithDefault_AcceptsNullable()
    {
        ValidationAssert.Valid("""query Q($d: Boolean) { __type(name: "Post") { fields(includeDeprecated: $d) { name } } }""");
    }
}
