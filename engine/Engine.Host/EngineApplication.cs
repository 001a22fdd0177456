using Engine.GraphQL.Http;
using Engine.Host.Health;
using Engine.Host.Meta;
using Engine.Query.Execution;
using Engine.MetadataStore;
using Engine.Runtime;
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
        builder.Logging.AddJsonConsole(o => {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        configure?.Invoke(builder);

        var configuration = builder.Configuration;
        builder.Services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        ConfigureKestrel(builder);

        var connectionString = configuration.GetConnectionString("Engine")
            ?? throw new InvalidOperationException("ConnectionStrings:Engine is not set (environment: ConnectionStrings__Engine)");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(DatabaseConnection.WithEngineDefaults(connectionString)).Build());
        builder.Services.AddSingleton(sp => new VersionedMetadataStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataSchema));
        builder.Services.AddSingleton<SnapshotHolder>();
        builder.Services.AddSingleton(sp => new SnapshotBuilder(
            sp.GetServices<ISnapshotCompiler>(), sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataSchema));
        builder.Services.AddSingleton<MetadataRuntime>();
        builder.Services.AddHostedService<MetadataPoller>();
        builder.Services.AddSingleton<IPlanExecutor, SqlPlanExecutor>();
        builder.Services.AddEngineGraphQL(configuration);

        var app = builder.Build();
        app.MapHealth();
        app.MapMetadataApi();
        app.MapEngineGraphQL();
        return app;
    }

    /// <summary>HTTP on <c>Engine:HttpPort</c> (8080) at <c>Engine:BindAddress</c> (all interfaces by default, for containers).</summary>
    private static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EngineOptions.Section);
        if (builder.Configuration["urls"] is not null || builder.Configuration["ASPNETCORE_URLS"] is not null)
        {
            return;
        }

        var port = section.GetValue("HttpPort", 8080);
        var address = section.GetValue("BindAddress", "0.0.0.0")!;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Parse(address), port));
    }
}
