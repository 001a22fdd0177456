using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Planning;

namespace Engine.GraphQL.Execution;

/// <summary>
/// What a request produced, ready to be written as a GraphQL response (<c>{"data": ..., "errors": [...]}</c>). The
/// outcome is known before anything is written, so the transport can pick its status code first.
/// </summary>
public sealed class GraphQLResult
{
    /// <summary>
    /// Messages keep non-ASCII text and quotes readable; the response is JSON served as JSON, never inlined into HTML,
    /// so HTML-sensitive characters need no escaping.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ExecutedOperation? executed;

    private GraphQLResult(GraphQLResultKind kind, IReadOnlyList<GraphQLError> errors, ExecutedOperation? executed)
    {
        Kind = kind;
        Errors = errors;
        this.executed = executed;
    }

    /// <summary>Whether the operation ran, or why it did not.</summary>
    public GraphQLResultKind Kind { get; }

    /// <summary>Request errors, or the field errors of an executed operation.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>True when the operation ran and the response has a <c>data</c> entry (possibly null).</summary>
    public bool HasData => executed is not null;

    /// <summary>The operation that ran (null when the request failed before execution), for telemetry.</summary>
    internal PlannedOperation? Operation => executed?.Operation;

    /// <summary>A request that failed before execution (syntax, validation, variables, inputs, limits): no <c>data</c>.</summary>
    public static GraphQLResult RequestError(IReadOnlyList<GraphQLError> errors) => new(GraphQLResultKind.RequestError, errors, null);

    /// <summary>A mutation asked for over a transport that only runs queries (GET).</summary>
    public static GraphQLResult MutationNotAllowed() =>
        new(GraphQLResultKind.MutationNotAllowed, [GraphQLError.BadInput("Mutations are only accepted over POST.")], null);

    /// <summary>An operation that ran.</summary>
    internal static GraphQLResult Executed(ExecutedOperation executed) =>
        new(GraphQLResultKind.Executed, executed.Errors, executed);

    /// <summary>Writes the response as UTF-8 JSON.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        if (executed is not null)
        {
            writer.WritePropertyName("data");
            executed.WriteData(writer);
        }

        if (Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            ErrorWriter.Write(writer, Errors);
        }

        writer.WriteEndObject();
    }
}

/// <summary>The outcomes of a request.</summary>
public enum GraphQLResultKind
{
    /// <summary>The operation ran; the response has <c>data</c> (field errors, if any, in <c>errors</c>).</summary>
    Executed,

    /// <summary>The request failed before execution; the response has only <c>errors</c>.</summary>
    RequestError,

    /// <summary>A mutation over GET (GraphQL over HTTP: 405).</summary>
    MutationNotAllowed,
}
