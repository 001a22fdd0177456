using System.Text.Json;

namespace Engine.GraphQL.Execution;

/// <summary>One GraphQL request as GraphQL over HTTP carries it.</summary>
/// <param name="Query">The document text.</param>
/// <param name="OperationName">The operation to run; null (or empty) when the document has one.</param>
/// <param name="Variables">The variables: a JSON object, or null.</param>
public sealed record GraphQLRequest(string? Query, string? OperationName = null, JsonElement? Variables = null);
