using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Access.Protocols;
using Engine.IntegrationTests.Support;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Access;

/// <summary>
/// A client made through <c>POST /meta/clients</c> with roles and claims, holding its client_credentials token: GraphQL
/// over HTTP and gRPC calls carry it as <c>authorization: Bearer …</c>.
/// </summary>
internal sealed class AccessCaller : IDisposable
{
    private AccessCaller(EngineServer engine, string token)
    {
        Http = new HttpClient { BaseAddress = engine.BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Channel = GrpcChannel.ForAddress(engine.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(token) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
        });
    }

    /// <summary>HTTP client sending the caller's token.</summary>
    public HttpClient Http { get; }

    /// <summary>gRPC channel sending the caller's token.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Creates a client with <paramref name="roles"/> and <paramref name="claims"/> and obtains its token.</summary>
    public static async Task<AccessCaller> CreateAsync(EngineServer engine, string[] roles, IReadOnlyDictionary<string, string> claims)
    {
        var token = await RoleTokens.CreateAsync(engine.Http, roles, claims);
        return new AccessCaller(engine, token);
    }

    /// <summary>POSTs a GraphQL request with the caller's token and returns the whole response.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty GraphQL response");
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"/graphql answered {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>Runs a GraphQL request that must succeed; returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await GraphQLAsync(query, variables);
        Assert.True(response["errors"] is null, $"unexpected errors: {response.ToJsonString()}");
        return response["data"]!;
    }

    public void Dispose()
    {
        Channel.Dispose();
        Http.Dispose();
    }

    /// <summary>Adds the bearer token to every gRPC request (reflection included).</summary>
    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
