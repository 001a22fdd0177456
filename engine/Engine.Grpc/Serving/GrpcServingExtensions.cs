using Engine.Grpc.Listing;
using Engine.Grpc.Reflection;
using Engine.Grpc.Watching;
using Engine.Runtime;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using HealthStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Engine.Grpc.Serving;

/// <summary>Registers and maps the gRPC API: every resource's service, server reflection (v1, v1alpha) and health.</summary>
public static class GrpcServingExtensions
{
    /// <summary>The largest request message accepted; larger ones get RESOURCE_EXHAUSTED from the pipeline.</summary>
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// Adds Grpc.AspNetCore, the descriptor and serving snapshot compilers, reflection and health. The caller registers
    /// an <see cref="Engine.Runtime.Context.IRequestContextProvider"/> and an <see cref="Engine.Query.Execution.IPlanExecutor"/>.
    /// <c>Engine:MaxPageSize</c> caps <c>page_size</c>.
    /// </summary>
    public static IServiceCollection AddEngineGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddGrpc(o => o.MaxReceiveMessageSize = MaxReceiveMessageSize);
        var maxPageSize = configuration.GetValue("Engine:MaxPageSize", PageSizeRules.Standard.Max);
        services.AddSingleton(new PageSizeRules(Math.Min(PageSizeRules.Standard.Default, maxPageSize), maxPageSize));
        services.AddSingleton<WatchStreams>();
        services.AddSingleton<ResourceCalls>();
        services.AddSingleton<ResourceServiceEndpoints>();
        services.AddSingleton<ISnapshotCompiler>(new GrpcSnapshotCompiler(servedFiles:
        [
            global::Grpc.Health.V1.HealthReflection.Descriptor,
            global::Grpc.Reflection.V1.ReflectionReflection.Descriptor,
            global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor,
        ]));
        services.AddSingleton<ISnapshotCompiler, GrpcServicesCompiler>();
        services.AddSingleton(sp => ServerReflectionV1.FromSnapshots(sp.GetRequiredService<SnapshotHolder>()));
        services.AddSingleton(sp => ServerReflectionV1Alpha.FromSnapshots(sp.GetRequiredService<SnapshotHolder>()));
        services.AddSingleton(_ =>
        {
            var health = new HealthServiceImpl();
            health.SetStatus(string.Empty, HealthStatus.Serving);
            return health;
        });
        return services;
    }

    /// <summary>Maps health, reflection and the live resource services.</summary>
    public static IEndpointRouteBuilder MapEngineGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<HealthServiceImpl>();
        endpoints.MapGrpcService<ServerReflectionV1>();
        endpoints.MapGrpcService<ServerReflectionV1Alpha>();
        endpoints.DataSources.Add(endpoints.ServiceProvider.GetRequiredService<ResourceServiceEndpoints>());
        return endpoints;
    }
}
