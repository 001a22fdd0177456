using System.Text.Json;
using Engine.GraphQL.Execution;

namespace Engine.GraphQL.WebSockets;

/// <summary>A client message of the graphql-transport-ws protocol, checked for the fields its type requires.</summary>
/// <param name="Type">The message type (<c>connection_init</c>, <c>ping</c>, <c>pong</c>, <c>subscribe</c>, <c>complete</c>).</param>
/// <param name="Id">The operation id of <c>subscribe</c> and <c>complete</c>.</param>
/// <param name="Request">The operation of <c>subscribe</c>; its variables are detached from the message's buffer.</param>
/// <param name="Token">The bearer token of <c>connection_init</c>'s payload (<c>Authorization: "Bearer …"</c> or <c>authToken</c>), if any.</param>
internal sealed record ClientMessage(string Type, string? Id, GraphQLRequest? Request, string? Token = null)
{
    private const string BearerPrefix = "Bearer ";

    public const string ConnectionInit = "connection_init";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Complete = "complete";

    /// <summary>Parses one text frame; on failure <paramref name="error"/> says what is wrong (it becomes the 4400 close reason).</summary>
    public static ClientMessage? Parse(ReadOnlyMemory<byte> frame, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            error = "Invalid message received: not JSON";
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, out error);
        }
    }

    private static ClientMessage? Read(JsonElement json, out string? error)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "Invalid message received: expected an object with a string type";
            return null;
        }

        var type = typeElement.GetString()!;
        var payload = json.TryGetProperty("payload", out var p) ? p : default;
        switch (type)
        {
            case ConnectionInit or Ping or Pong:
                if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
                {
                    error = $"Invalid message received: the payload of {type} must be an object";
                    return null;
                }

                if (type == ConnectionInit)
                {
                    return ReadInit(payload, out error);
                }

                error = null;
                return new ClientMessage(type, null, null);
            case Subscribe or Complete:
                if (!json.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString()!.Length == 0)
                {
                    error = $"Invalid message received: {type} needs a non-empty string id";
                    return null;
                }

                var id = idElement.GetString()!;
                if (type == Complete)
                {
                    error = null;
                    return new ClientMessage(type, id, null);
                }

                var request = ReadRequest(payload, out error);
                return request is null ? null : new ClientMessage(type, id, request);
            default:
                error = $"Invalid message received: unknown type \"{Truncate(type)}\"";
                return null;
        }
    }

    /// <summary><c>connection_init</c>, with the token of <c>{"Authorization": "Bearer …"}</c> or <c>{"authToken": "…"}</c> when given.</summary>
    private static ClientMessage? ReadInit(JsonElement payload, out string? error)
    {
        error = null;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new ClientMessage(ConnectionInit, null, null);
        }

        if (payload.TryGetProperty("Authorization", out var header) || payload.TryGetProperty("authorization", out header))
        {
            if (header.ValueKind != JsonValueKind.String
                || !header.GetString()!.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
                || header.GetString()!.Length == BearerPrefix.Length)
            {
                error = "Invalid message received: payload.Authorization of connection_init must be \"Bearer <token>\"";
                return null;
            }

            return new ClientMessage(ConnectionInit, null, null, header.GetString()![BearerPrefix.Length..].Trim());
        }

        if (payload.TryGetProperty("authToken", out var token))
        {
            if (token.ValueKind != JsonValueKind.String || token.GetString()!.Length == 0)
            {
                error = "Invalid message received: payload.authToken of connection_init must be a non-empty string";
                return null;
            }

            return new ClientMessage(ConnectionInit, null, null, token.GetString());
        }

        return new ClientMessage(ConnectionInit, null, null);
    }

    private static GraphQLRequest? ReadRequest(JsonElement payload, out string? error)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            error = "Invalid message received: subscribe needs a payload with a string query";
            return null;
        }

        var operationName = payload.TryGetProperty("operationName", out var name) ? name : default;
        var variables = payload.TryGetProperty("variables", out var v) ? v : default;
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String)
            || variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            error = "Invalid message received: operationName must be a string and variables an object";
            return null;
        }

        error = null;
        return new GraphQLRequest(
            query.GetString(),
            operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
            variables.ValueKind == JsonValueKind.Object ? variables.Clone() : null);
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
