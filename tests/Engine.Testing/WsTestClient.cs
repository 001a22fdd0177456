using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Engine.Testing;

/// <summary>A raw graphql-transport-ws client over <see cref="ClientWebSocket"/>: sends text frames, reads messages or the close.</summary>
public sealed class WsTestClient : IDisposable
{
    private readonly ClientWebSocket socket = new();

    private WsTestClient()
    {
    }

    /// <summary>The close status the server sent, once the socket is closed.</summary>
    public int? CloseStatus => (int?)socket.CloseStatus;

    /// <summary>The close reason the server sent.</summary>
    public string? CloseReason => socket.CloseStatusDescription;

    /// <summary>The subprotocol the server chose.</summary>
    public string? SubProtocol => socket.SubProtocol;

    /// <summary>
    /// Connects to <paramref name="uri"/> (ws://…/graphql), asking for <paramref name="subprotocol"/> when given and sending
    /// <paramref name="authorization"/> (e.g. <c>Bearer …</c>) in the handshake when given.
    /// </summary>
    public static async Task<WsTestClient> ConnectAsync(Uri uri, string? subprotocol = "graphql-transport-ws", string? authorization = null)
    {
        var client = new WsTestClient();
        if (subprotocol is not null)
        {
            client.socket.Options.AddSubProtocol(subprotocol);
        }

        if (authorization is not null)
        {
            client.socket.Options.SetRequestHeader("Authorization", authorization);
        }

        await client.socket.ConnectAsync(uri, Timeout());
        return client;
    }

    /// <summary>Connects (with <paramref name="authorization"/>) and completes the connection_init / connection_ack handshake.</summary>
    public static async Task<WsTestClient> ConnectAndInitAsync(Uri uri, string? authorization = null)
    {
        var client = await ConnectAsync(uri, authorization: authorization);
        await client.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await client.ReceiveTextAsync());
        return client;
    }

    /// <summary>Sends one text frame.</summary>
    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Timeout());

    /// <summary>Sends one binary frame (the protocol allows only text).</summary>
    public Task SendBinaryAsync(byte[] bytes) => socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, Timeout());

    /// <summary>Sends <c>subscribe</c> with id <paramref name="id"/>, the query and optional variables (JSON text).</summary>
    public Task SubscribeAsync(string id, string query, string? variables = null) =>
        SendAsync(JsonSerializer.Serialize(new
        {
            id,
            type = "subscribe",
            payload = new { query, variables = variables is null ? (JsonElement?)null : JsonDocument.Parse(variables).RootElement },
        }));

    /// <summary>The next message's text, or null when the server closed the socket.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        var token = Timeout();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(text.ToArray());
            }
        }
    }

    /// <summary>The next message, parsed; fails when the server closed the socket instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var text = await ReceiveTextAsync();
        Assert.True(text is not null, $"the server closed the socket: {CloseStatus} {CloseReason}");
        return JsonDocument.Parse(text!).RootElement;
    }

    /// <summary>Reads until the server closes the socket; returns the close status.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        while (await ReceiveTextAsync() is not null)
        {
        }

        return CloseStatus;
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;
}
