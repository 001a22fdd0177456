namespace Engine.GraphQL.Tests.Validation;

public class DirectiveRulesTests
{
    [Fact]
    public void KnownDirectives_UnknownOrMisplaced_IsRejected()
    {
        ValidationAssert.Valid("query Q($s: Boolean!) { posts @skip(if: $s) { id ...F @include(if: true) ... @skip(if: false) { title } } } fragment F on Post { id }");
        ValidationAssert.Invalid("{ posts @cached { id } }", "Unknown directive \"@cached\".", (1, 9));
        ValidationAssert.Invalid("query Q @skip(if: true) { _version }", "Directive \"@skip\" may not be used on QUERY.", (1, 9));
    }

    [Fact]
    public void UniqueDirectivesPerLocation_Repeated_IsRejected()
    {
        ValidationAssert.Invalid("{ posts @skip(if: false) @skip(if: true) { id } }",
            "The directive \"@skip\" can only be used once at this location.", (1, 9), (1, 26));
    }
}
