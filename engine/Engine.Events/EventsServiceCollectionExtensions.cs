using Engine.Events.Diagnostics;
using Engine.Events.Feed;
using Engine.Events.Outbox;
using Engine.Events.Publishing;
using Engine.Runtime.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Events;

/// <summary>Registers the outbox relay, the record event feed and the shared NATS connection.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>The configuration key of the NATS server URL (environment <c>Nats__Url</c>); events stay in-process without it.</summary>
    public const string NatsUrlKey = "Nats:Url";

    /// <summary>
    /// Registers <see cref="EventsOptions"/> (section <c>Events</c>), one <see cref="EngineNats"/> for the pod (connected
    /// when <c>Nats:Url</c> is set), <see cref="RecordEventFeed"/> as <see cref="IRecordEventFeed"/>, and the
    /// <see cref="OutboxRelay"/>. With NATS the relay publishes to JetStream and a <see cref="NatsEventListener"/> feeds
    /// the feed; without it the relay hands events to the <see cref="InProcessEventBus"/>. The relay needs the host's
    /// <c>NpgsqlDataSource</c> and <c>SnapshotHolder</c>.
    /// </summary>
    public static IServiceCollection AddEngineEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = EventsOptions.From(configuration);
        var natsUrl = configuration[NatsUrlKey];
        services.AddSingleton(options);
        services.AddSingleton(_ => new EngineNats(natsUrl));
        services.AddSingleton<RecordEventFeed>();
        services.AddSingleton<IRecordEventFeed>(sp => sp.GetRequiredService<RecordEventFeed>());
        if (string.IsNullOrWhiteSpace(natsUrl))
        {
            services.AddSingleton<IEventPublisher, InProcessEventBus>();
        }
        else
        {
            services.AddSingleton<IEventPublisher, JetStreamEventPublisher>();
            services.AddSingleton<NatsEventListener>();
            services.AddHostedService(sp => sp.GetRequiredService<NatsEventListener>());
        }

        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<OutboxGauges>();
        return services;
    }
}
