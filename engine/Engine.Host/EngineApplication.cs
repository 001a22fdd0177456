using Engine.Auth;
using Engine.Dialects;
using Engine.Events;
using Engine.Events.Propagation;
using Engine.GraphQL.Http;
using Engine.Grpc.Serving;
using Engine.Host.Admin;
using Engine.Host.Health;
using Engine.Host.Meta;
using Engine.Host.Observability;
using Engine.Query.Execution;
using Engine.MetadataStore;
using Engine.Runtime;
using Engine.Sql.Dialects;
using Engine.Sql.Execution;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Host;

/// <summary>The composition root: configuration, services and endpoints of one engine process.</summary>
public static class EngineApplication
{
    /// <summary>Builds the engine; <paramref name="configure"/> lets tests override configuration before services are built.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the assembly, wherever the process is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        EngineLogging.Configure(builder);
        configure?.Invoke(builder);

        var configuration = builder.Configuration;
        var dialect = DatabaseDialect.FromConfiguration(configuration[DatabaseDialect.ConfigurationKey]);
        builder.Services.AddSingleton(dialect);
        builder.Services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        ConfigureKestrel(builder);

        var connectionString = configuration.GetConnectionString("Engine")
            ?? throw new InvalidOperationException("ConnectionStrings:Engine is not set (environment: ConnectionStrings__Engine)");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(DatabaseConnection.WithEngineDefaults(connectionString)).WithEngineTelemetry().Build());
        builder.Services.AddSingleton(sp => new VersionedMetadataStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataSchema, dialect));
        builder.Services.AddSingleton<SnapshotHolder>();
        builder.Services.AddSingleton(sp => new SnapshotBuilder(
            sp.GetServices<ISnapshotCompiler>(), sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataSchema));
        builder.Services.AddSingleton<MetadataRuntime>();
        builder.Services.AddHostedService<MetadataPoller>();
        builder.Services.AddEngineEvents(configuration);
        builder.Services.AddMetadataPropagation();
        builder.Services.AddSingleton(sp => CockroachPlanExecutor.For(dialect, sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<ILogger<SqlPlanExecutor>>()));
        builder.Services.AddEngineGraphQL(configuration);
        builder.Services.AddEngineGrpc(configuration);
        builder.Services.AddEngineAuth(configuration);
        builder.AddEngineTelemetry();
        GracefulShutdown.Configure(builder);

        var app = builder.Build();
        app.UseEngineAuth();
        app.MapHealth();
        app.MapAdminDesigner();
        app.MapMetrics();
        app.MapMetadataApi();
        app.UseWebSockets();
        app.MapEngineGraphQL();
        app.MapEngineGrpc();
        return app;
    }

    /// <summary>
    /// HTTP on <c>Engine:HttpPort</c> (8080) and gRPC on <c>Engine:GrpcPort</c> (8081) at <c>Engine:BindAddress</c> (all
    /// interfaces by default, for containers); <see cref="EngineListeners"/> reports the bound addresses. When
    /// <c>urls</c> is set, Kestrel listens there instead (HTTP/1.1 only without TLS, so no gRPC).
    /// </summary>
    private static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var listeners = new EngineListeners();
        builder.Services.AddSingleton(listeners);
        if (builder.Configuration["urls"] is not null || builder.Configuration["ASPNETCORE_URLS"] is not null)
        {
            return;
        }

        var section = builder.Configuration.GetSection(EngineOptions.Section);
        var httpPort = section.GetValue("HttpPort", 8080);
        var grpcPort = section.GetValue("GrpcPort", 8081);
        var address = System.Net.IPAddress.Parse(section.GetValue("BindAddress", "0.0.0.0")!);
        builder.WebHost.ConfigureKestrel(kestrel => listeners.Configure(kestrel, address, httpPort, grpcPort));
    }
}
