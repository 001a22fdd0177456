using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;

namespace Engine.GraphQL.WebSockets;

/// <summary>The server's messages of the graphql-transport-ws protocol, as UTF-8 JSON text frames.</summary>
internal static class ServerMessages
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"type":"connection_ack"}</c>.</summary>
    public static readonly ReadOnlyMemory<byte> ConnectionAck = """{"type":"connection_ack"}"""u8.ToArray();

    /// <summary><c>{"type":"pong"}</c>.</summary>
    public static readonly ReadOnlyMemory<byte> Pong = """{"type":"pong"}"""u8.ToArray();

    /// <summary><c>{"id":…,"type":"next","payload":…}</c>, the payload (an execution result) written by <paramref name="payload"/>.</summary>
    public static ReadOnlyMemory<byte> Next<TState>(string id, TState state, Action<Utf8JsonWriter, TState> payload) =>
        Write(id, "next", (state, payload), static (writer, s) => s.payload(writer, s.state));

    /// <summary><c>{"id":…,"type":"next","payload":…}</c> with an executed request's result.</summary>
    public static ReadOnlyMemory<byte> Next(string id, GraphQLResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        result.WriteTo(buffer);
        return Next(id, buffer, static (writer, b) => writer.WriteRawValue(b.WrittenSpan, skipInputValidation: true));
    }

    /// <summary><c>{"id":…,"type":"error","payload":[…]}</c>: the operation ended with these errors (no <c>complete</c> follows).</summary>
    public static ReadOnlyMemory<byte> Error(string id, IReadOnlyList<GraphQLError> errors) =>
        Write(id, "error", errors, static (writer, e) => ErrorWriter.Write(writer, e));

    /// <summary><c>{"id":…,"type":"complete"}</c>.</summary>
    public static ReadOnlyMemory<byte> Complete(string id) => Write<object?>(id, "complete", null, null);

    private static byte[] Write<TState>(string id, string type, TState state, Action<Utf8JsonWriter, TState>? payload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                payload(writer, state);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
