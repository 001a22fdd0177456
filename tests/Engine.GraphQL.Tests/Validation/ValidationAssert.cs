using Engine.GraphQL.Errors;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Tests.Schema;
using Engine.GraphQL.Validation;
using GraphQLParser;

namespace Engine.GraphQL.Tests.Validation;

/// <summary>Validates documents against the blog schema and checks the errors.</summary>
internal static class ValidationAssert
{
    public static IReadOnlyList<GraphQLError> Validate(string query, GqlSchema? schema = null) =>
        DocumentValidator.Validate(Parser.Parse(query), schema ?? SampleModels.Blog);

    public static void Valid(string query, GqlSchema? schema = null)
    {
        var errors = Validate(query, schema);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
    }

    /// <summary>Exactly one error, with this message and these (line, column) locations, coded BAD_USER_INPUT.</summary>
    public static void Invalid(string query, string message, params (int Line, int Column)[] locations)
    {
        var error = Assert.Single(Validate(query));
        Assert.Equal(message, error.Message);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal(locations.Select(l => new GraphQLLocation(l.Line, l.Column)), error.Locations ?? []);
    }
}
