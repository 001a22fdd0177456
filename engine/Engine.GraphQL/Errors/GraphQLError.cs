using Engine.Query.Errors;

namespace Engine.GraphQL.Errors;

/// <summary>An entry of a GraphQL response's <c>errors</c> list (GraphQL spec §7.1.2) with <c>extensions.code</c>.</summary>
/// <param name="Message">A sentence for the client; never SQL or a stack trace.</param>
/// <param name="Code">The SPEC §3 code, e.g. <c>BAD_USER_INPUT</c> (<see cref="ErrorCodes.Name"/>).</param>
/// <param name="Locations">Line/column (1-based) of the offending document part, if any.</param>
/// <param name="Path">Response path (field keys and list indexes) for field errors, if any.</param>
/// <param name="Field">For input errors: the offending input path, e.g. <c>data.email</c> (written as <c>extensions.field</c>).</param>
public sealed record GraphQLError(
    string Message,
    string Code,
    IReadOnlyList<GraphQLLocation>? Locations = null,
    IReadOnlyList<object>? Path = null,
    string? Field = null)
{
    /// <summary>A <c>BAD_USER_INPUT</c> error (validation and coercion failures).</summary>
    public static GraphQLError BadInput(string message, GraphQLLocation? location = null, string? field = null) =>
        new(message, ErrorCodes.Name(ErrorCode.BadUserInput), location is null ? null : [location], null, field);

    /// <summary>Wraps an engine error raised while executing the field at <paramref name="path"/>.</summary>
    public static GraphQLError From(EngineError error, IReadOnlyList<object>? path) =>
        new(error.Message, ErrorCodes.Name(error.Code), null, path, error.Field);
}

/// <summary>A 1-based position in the GraphQL document.</summary>
public sealed record GraphQLLocation(int Line, int Column);
