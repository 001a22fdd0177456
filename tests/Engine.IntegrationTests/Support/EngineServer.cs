using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Host;
using Engine.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Support;

/// <summary>
/// A real engine process (Kestrel on a loopback port) over its own fresh PostgreSQL database, shared by one test
/// collection. Tests talk to it over HTTP like any client.
/// </summary>
public sealed class EngineServer : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private WebApplication? app;

    /// <summary>The engine's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The engine's gRPC (cleartext HTTP/2) address.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>A client for the engine's HTTP API.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The admin token <see cref="Http"/> sends.</summary>
    public string AdminToken { get; private set; } = null!;

    /// <summary>The engine's services, for tests that drive a component with a state a client cannot produce on demand.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("the engine is not started");

    /// <summary>The engine's database, for checks behind the API.</summary>
    public PostgresDatabase Database => database;

    /// <summary>Extra configuration for subclasses (e.g. small page caps).</summary>
    internal IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        app = EngineApplication.Build([], builder =>
        {
            builder.Configuration["Engine:BindAddress"] = "127.0.0.1";
            builder.Configuration["Engine:HttpPort"] = "0";
            builder.Configuration["Engine:GrpcPort"] = "0";
            builder.Configuration["ConnectionStrings:Engine"] = database.ConnectionString;
            builder.Configuration["Engine:MetadataPollMilliseconds"] = "200";
            builder.Configuration[AdminAccess.SecretKey] = AdminAccess.Secret;
            foreach (var (key, value) in Settings)
            {
                builder.Configuration[key] = value;
            }
        });
        await app.StartAsync();
        var listeners = app.Services.GetRequiredService<EngineListeners>();
        BaseAddress = listeners.HttpAddress!;
        GrpcAddress = listeners.GrpcAddress!;
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        AdminToken = await AdminAccess.AuthorizeAsync(Http);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    /// <summary>A gRPC channel to the engine whose calls carry the admin token.</summary>
    public GrpcChannel CreateGrpcChannel() => AdminAccess.Channel(GrpcAddress, AdminToken);

    /// <summary>PUTs a resource definition; returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonNode? Body)> PutResourceAsync(string name, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/meta/resources/{name}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>PUTs a resource and fails the test unless it is accepted.</summary>
    public async Task<long> DefineAsync(string name, string json)
    {
        var (status, body) = await PutResourceAsync(name, json);
        Assert.True(status == 200, $"PUT /meta/resources/{name} answered {status}: {body?.ToJsonString()}");
        return body!["version"]!.GetValue<long>();
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response (any status).</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        var body = await ReadJsonAsync(response);
        Assert.True(body is not null, $"/graphql answered {(int)response.StatusCode} with no JSON body");
        return body!;
    }

    /// <summary>POSTs a GraphQL request and fails the test if it has errors; returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await GraphQLAsync(query, variables);
        Assert.True(response["errors"] is null, $"unexpected errors: {response.ToJsonString()}");
        return response["data"]!;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

/// <summary>The collection sharing one engine server.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "engine";
}
