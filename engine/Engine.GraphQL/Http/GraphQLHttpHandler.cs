using System.Buffers;
using System.Text;
using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;
using Engine.Query.Errors;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: <c>POST</c> with <c>application/json</c> (<c>{query, operationName, variables}</c>)
/// or <c>application/graphql</c> (the query text); <c>GET</c> with <c>?query=&amp;operationName=&amp;variables=</c> for
/// queries, or the GraphiQL page when a browser asks for HTML.
/// </summary>
/// <remarks>
/// Status codes: with <c>application/json</c> (the default) every well-formed request gets 200, errors included (the
/// GraphQL-over-HTTP rule for that media type); a client that prefers <c>application/graphql-response+json</c> gets 400
/// when the request fails before execution (syntax, validation, variables, inputs, limits). Either way: a mutation over
/// GET is 405, a body over the size limit 413, malformed JSON 400, another content type 415, no metadata loaded yet 503.
/// </remarks>
public sealed class GraphQLHttpHandler(
    GraphQLExecutor executor, SnapshotHolder snapshots, IRequestContextProvider contexts, GraphQLOptions options, ILogger<GraphQLHttpHandler> logger)
{
    private const string InternalMessage = "An internal error occurred; the server log has the details.";

    /// <summary>Handles one request to the GraphQL endpoint.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (!isPost && GraphQLMediaTypes.PrefersHtml(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(GraphiQLPage.Html, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (snapshots.TryCurrent is not { } snapshot)
        {
            await WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, ErrorCode.Unavailable, "The metadata is not loaded yet.")
                .ConfigureAwait(false);
            return;
        }

        JsonDocument? body = null;
        try
        {
            var read = isPost ? await ReadPostAsync(http).ConfigureAwait(false) : ReadGet(http);
            body = read.Body;
            if (read.Request is not { } request)
            {
                await WriteErrorAsync(http, read.Status, ErrorCode.BadUserInput, read.Error!).ConfigureAwait(false);
                return;
            }

            GraphQLResult result;
            try
            {
                result = await executor.ExecuteAsync(request, snapshot, contexts.GetContext(http), allowMutations: isPost, http.RequestAborted)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                GraphQLLog.RequestFailed(logger, e);
                await WriteErrorAsync(http, StatusCodes.Status500InternalServerError, ErrorCode.Internal, InternalMessage).ConfigureAwait(false);
                return;
            }

            await WriteResultAsync(http, result).ConfigureAwait(false);
        }
        finally
        {
            body?.Dispose();
        }
    }

    private static async Task WriteResultAsync(HttpContext http, GraphQLResult result)
    {
        var mediaType = GraphQLMediaTypes.ResponseType(http.Request);
        http.Response.StatusCode = result.Kind switch
        {
            GraphQLResultKind.MutationNotAllowed => StatusCodes.Status405MethodNotAllowed,
            GraphQLResultKind.RequestError when mediaType == GraphQLMediaTypes.GraphQLResponse => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        if (result.Kind == GraphQLResultKind.MutationNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";

        // Written to a buffer first so the response carries Content-Length: no chunked framing for small answers.
        using var buffer = new PooledBufferWriter(1024);
        result.WriteTo(buffer);
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.BodyWriter.WriteAsync(buffer.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task<ReadRequest> ReadPostAsync(HttpContext http)
    {
        var bytes = await ReadBodyAsync(http).ConfigureAwait(false);
        if (bytes is null)
        {
            return ReadRequest.Fail(StatusCodes.Status413PayloadTooLarge, $"The request is larger than the limit of {options.MaxRequestBytes} bytes.");
        }

        if (GraphQLMediaTypes.IsContentType(http.Request, GraphQLMediaTypes.GraphQL))
        {
            return ReadRequest.Ok(new GraphQLRequest(Encoding.UTF8.GetString(bytes.Value.Span)));
        }

        if (!GraphQLMediaTypes.IsContentType(http.Request, GraphQLMediaTypes.Json))
        {
            return ReadRequest.Fail(StatusCodes.Status415UnsupportedMediaType, "POST bodies must be application/json (or application/graphql).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.Value);
        }
        catch (JsonException)
        {
            return ReadRequest.Fail(StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }

        var json = document.RootElement;
        if (json.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return ReadRequest.Fail(StatusCodes.Status400BadRequest, "The body must be a JSON object: {\"query\": ..., \"operationName\": ..., \"variables\": {...}}.");
        }

        return Checked(Member(json, "query"), Member(json, "operationName"), Member(json, "variables")) with { Body = document };
    }

    /// <summary>The body, or null when it is over the size limit (checked while reading, whatever Content-Length says).</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext http)
    {
        var limit = options.MaxRequestBytes;
        var declared = http.Request.ContentLength;
        if (declared > limit)
        {
            return null;
        }

        // One byte more than a declared length, so the read that finds the end needs no larger array; the parsed document keeps
        // referring to these bytes, so they are not pooled.
        var buffer = new ArrayBufferWriter<byte>((int)(declared ?? 4096) + 1);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.GetMemory(1), http.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static ReadRequest ReadGet(HttpContext http)
    {
        var query = http.Request.Query;
        var variablesText = query["variables"].ToString();
        if (string.IsNullOrEmpty(variablesText))
        {
            return ReadRequest.Ok(new GraphQLRequest(query["query"].ToString(), query["operationName"].ToString()));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(variablesText);
        }
        catch (JsonException)
        {
            return ReadRequest.Fail(StatusCodes.Status400BadRequest, "The variables parameter is not valid JSON.");
        }

        var variables = Checked(null, null, document.RootElement);
        return variables.Request is null
            ? variables with { Body = document }
            : ReadRequest.Ok(new GraphQLRequest(query["query"].ToString(), query["operationName"].ToString(), document.RootElement)) with
            {
                Body = document,
            };
    }

    /// <summary>Checks the JSON types of the request's members.</summary>
    private static ReadRequest Checked(JsonElement? query, JsonElement? operationName, JsonElement? variables)
    {
        if (query is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) }
            || operationName is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) }
            || variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return ReadRequest.Fail(StatusCodes.Status400BadRequest, "query and operationName must be strings, and variables a JSON object.");
        }

        return ReadRequest.Ok(new GraphQLRequest(query?.GetString(), operationName?.GetString(), variables));
    }

    private static JsonElement? Member(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value : null;

    private static async Task WriteErrorAsync(HttpContext http, int status, ErrorCode code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = GraphQLMediaTypes.ResponseType(http.Request) + "; charset=utf-8";
        GraphQLResult.RequestError([new GraphQLError(message, ErrorCodes.Name(code))]).WriteTo(http.Response.BodyWriter);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A request read from HTTP, or why it could not be; <see cref="Body"/> owns the memory of its JSON values.</summary>
    private readonly record struct ReadRequest(GraphQLRequest? Request, int Status, string? Error, JsonDocument? Body)
    {
        public static ReadRequest Ok(GraphQLRequest request) => new(request, StatusCodes.Status200OK, null, null);

        public static ReadRequest Fail(int status, string error) => new(null, status, error, null);
    }
}
