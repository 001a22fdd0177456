using System.Net.WebSockets;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Http;
using Engine.GraphQL.Subscriptions;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Engine.GraphQL.WebSockets;

/// <summary>
/// GraphQL over WebSocket at <c>/graphql</c> with the <c>graphql-transport-ws</c> subprotocol (SPEC §3): subscriptions,
/// and queries and mutations run once. The host must add the WebSocket middleware (<c>app.UseWebSockets()</c>).
/// </summary>
public sealed class GraphQLWebSocketHandler(
    GraphQLExecutor executor, SubscriptionExecutor subscriptions, SnapshotHolder snapshots, IRequestContextProvider contexts, GraphQLOptions options,
    IHostApplicationLifetime lifetime, ILogger<GraphQLWebSocketHandler> logger)
{
    /// <summary>The only subprotocol served.</summary>
    public const string Subprotocol = "graphql-transport-ws";

    /// <summary>Accepts the WebSocket of <paramref name="http"/> and serves it until it closes.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol, StringComparer.Ordinal))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await RefuseAsync(refused, CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", http).ConfigureAwait(false);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = Subprotocol }).ConfigureAwait(false);
        if (http.User.Identity?.IsAuthenticated != true && http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            // The upgrade request's token did not validate (the auth gate lets WebSocket upgrades through for this answer).
            await RefuseAsync(socket, CloseCodes.Forbidden, "Forbidden: the access token is invalid, expired, or not meant for this engine", http)
                .ConfigureAwait(false);
            return;
        }

        using var connection = new GraphQLWsConnection(socket, executor, subscriptions, snapshots, contexts.GetContext(http), options, logger,
            http.RequestAborted, token => contexts.AuthenticateAsync(http, token));
        // On shutdown the server closes with 1001 so the client reconnects elsewhere, instead of holding the pod until the
        // shutdown timeout aborts the socket.
        using var stopping = lifetime.ApplicationStopping.Register(connection.GoAway);
        await connection.RunAsync().ConfigureAwait(false);
    }

    private static async Task RefuseAsync(WebSocket socket, int code, string reason, HttpContext http)
    {
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, http.RequestAborted).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The client is already gone.
        }
    }
}
