using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Subscriptions;
using Engine.GraphQL.WebSockets;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engine.GraphQL.Http;

/// <summary>Registers and maps the GraphQL endpoint.</summary>
public static class GraphQLEndpoints
{
    /// <summary>The endpoint's path (SPEC §3).</summary>
    public const string DefaultPattern = "/graphql";

    /// <summary>
    /// Registers the GraphQL services: options (<c>Engine:MaxPageSize</c>, <c>Engine:MaxQueryDepth</c>,
    /// <c>Engine:MaxQueryNodes</c>, <c>GraphQL:MaxRequestBytes</c>, <c>GraphQL:DocumentCacheSize</c>), the document cache, the executor, the HTTP
    /// handler, the subscription executor and WebSocket handler, the default <see cref="IRequestContextProvider"/> (kept if
    /// one is already registered) and the <see cref="GraphQLSnapshotCompiler"/>. <see cref="SnapshotHolder"/> and
    /// <c>IPlanExecutor</c> come from the runtime and SQL layers, the optional <c>IRecordEventFeed</c> from the events layer.
    /// </summary>
    public static IServiceCollection AddEngineGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        var options = GraphQLOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(options.Limits);
        services.AddSingleton(new DocumentCache(options.DocumentCacheSize));
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<SubscriptionExecutor>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.TryAddSingleton<IRequestContextProvider, ClaimsRequestContextProvider>();
        services.AddSingleton<ISnapshotCompiler, GraphQLSnapshotCompiler>();
        return services;
    }

    /// <summary>
    /// Maps <c>GET</c> and <c>POST</c> <paramref name="pattern"/> to the GraphQL endpoint; a WebSocket upgrade there goes
    /// to the graphql-transport-ws handler (the host adds the WebSocket middleware with <c>app.UseWebSockets()</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapEngineGraphQL(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();
        var sockets = endpoints.ServiceProvider.GetRequiredService<GraphQLWebSocketHandler>();
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post],
            http => http.WebSockets.IsWebSocketRequest ? sockets.HandleAsync(http) : handler.HandleAsync(http));
    }
}
