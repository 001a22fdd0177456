using Engine.Host;
using Engine.IntegrationTests.Support;
using Engine.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.IntegrationTests.Auth;

/// <summary>One more engine in the test process, over a database the test chooses (another pod, or another issuer).</summary>
internal sealed class EngineInstance : IAsyncDisposable
{
    private readonly WebApplication app;
    private PostgresDatabase? ownDatabase;

    private EngineInstance(WebApplication app, HttpClient http, Uri grpcAddress)
    {
        this.app = app;
        Http = http;
        GrpcAddress = grpcAddress;
    }

    /// <summary>A client for the instance's HTTP API, without a token.</summary>
    public HttpClient Http { get; }

    /// <summary>The instance's gRPC address.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>Starts an engine over a fresh database of its own, dropped when the instance is disposed.</summary>
    public static async Task<EngineInstance> StartOnNewDatabaseAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            var instance = await StartAsync(database.ConnectionString, settings);
            instance.ownDatabase = database;
            return instance;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts an engine over <paramref name="connectionString"/> with <paramref name="settings"/> added to its configuration.</summary>
    public static async Task<EngineInstance> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = EngineApplication.Build([], builder =>
        {
            builder.Configuration["Engine:BindAddress"] = "127.0.0.1";
            builder.Configuration["Engine:HttpPort"] = "0";
            builder.Configuration["Engine:GrpcPort"] = "0";
            builder.Configuration["ConnectionStrings:Engine"] = connectionString;
            builder.Configuration[AdminAccess.SecretKey] = AdminAccess.Secret;
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.Configuration[key] = value;
            }
        });
        await app.StartAsync();
        var listeners = app.Services.GetRequiredService<EngineListeners>();
        return new EngineInstance(app, new HttpClient { BaseAddress = listeners.HttpAddress, Timeout = TimeSpan.FromSeconds(60) }, listeners.GrpcAddress!);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownDatabase is not null)
        {
            await ownDatabase.DisposeAsync();
        }
    }
}
