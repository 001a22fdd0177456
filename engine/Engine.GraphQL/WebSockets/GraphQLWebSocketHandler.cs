using System.Net.WebSockets;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Http;
using Engine.GraphQL.Subscriptions;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engine.GraphQL.WebSockets;

/// <summary>
/// GraphQL over WebSocket at <c>/graphql</c> with the <c>graphql-transport-ws</c> subprotocol (SPEC §3): subscriptions,
/// and queries and mutations run once. The host must add the WebSocket middleware (<c>app.UseWebSockets()</c>).
/// </summary>
public sealed class GraphQLWebSocketHandler(
    GraphQLExecutor executor, SubscriptionExecutor subscriptions, SnapshotHolder snapshots, IRequestContextProvider contexts, GraphQLOptions options,
    ILogger<GraphQLWebSocketHandler> logger)
{
    /// <summary>The only subprotocol served.</summary>
    public const string Subprotocol = "graphql-transport-ws";

    /// <summary>Accepts the WebSocket of <paramref name="http"/> and serves it until it closes.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol, StringComparer.Ordinal))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            try
            {
                await refused.CloseOutputAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable",
                    http.RequestAborted).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // The client is already gone.
            }

            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = Subprotocol }).ConfigureAwait(false);
        using var connection = new GraphQLWsConnection(socket, executor, subscriptions, snapshots, contexts.GetContext(http), options, logger,
            http.RequestAborted);
        await connection.RunAsync().ConfigureAwait(false);
    }
}
