using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.Events.Propagation;

/// <summary>Registers live metadata propagation between pods (SPEC §2): announce own changes, load others' at once.</summary>
public static class MetadataPropagationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>engine.meta.changed</c> announcer and listener over the pod's <see cref="EngineNats"/> connection
    /// (registered by <c>AddEngineEvents</c>). Without NATS they do nothing and <c>MetadataPoller</c> alone finds other
    /// pods' versions. Call after the runtime's services, so the first version is loaded before they start.
    /// </summary>
    public static IServiceCollection AddMetadataPropagation(this IServiceCollection services)
    {
        services.AddSingleton<MetadataRefreshTrigger>();
        services.AddHostedService(sp => new MetadataChangeListener(
            sp.GetService<EngineNats>()?.Connection, sp.GetRequiredService<MetadataRefreshTrigger>(),
            sp.GetRequiredService<ILogger<MetadataChangeListener>>()));
        services.AddHostedService(sp => new MetadataAnnouncer(
            sp.GetService<EngineNats>()?.Connection, sp.GetRequiredService<MetadataRuntime>(), sp.GetRequiredService<ILogger<MetadataAnnouncer>>()));
        return services;
    }
}
