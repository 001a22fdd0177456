using Engine.GraphQL.Errors;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.Exceptions;
using GraphQLDocument = GraphQLParser.AST.GraphQLDocument;

namespace Engine.GraphQL.Execution;

/// <summary>Parses and validates a query text; the result is what <see cref="DocumentCache"/> keeps.</summary>
internal static class DocumentLoader
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.Comments };

    /// <summary>The document and its validation errors, or the syntax error that stopped parsing.</summary>
    public static CachedDocument Load(string query, GqlSchema schema)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, Options);
        }
        catch (GraphQLParserException e)
        {
            return new CachedDocument(null, [GraphQLError.BadInput("Syntax error: " + e.Description, new GraphQLLocation(e.Location.Line, e.Location.Column))]);
        }

        return new CachedDocument(document, DocumentValidator.Validate(document, schema));
    }
}
