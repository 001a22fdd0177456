using Engine.Events.Feed;
using Engine.Events.Publishing;
using Engine.Runtime.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Events.Tests;

public sealed class EventsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddEngineEvents_WithoutNatsUrl_UsesTheInProcessBusAndOneFeed()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Events:SubscriberBuffer"] = "8" });

        Assert.IsType<InProcessEventBus>(services.GetRequiredService<IEventPublisher>());
        Assert.Same(services.GetRequiredService<RecordEventFeed>(), services.GetRequiredService<IRecordEventFeed>());
        Assert.False(services.GetRequiredService<EngineNats>().IsConfigured);
        Assert.Equal(8, services.GetRequiredService<EventsOptions>().SubscriberBuffer);
    }

    [Fact]
    public async Task AddEngineEvents_WithNatsUrl_PublishesToJetStreamAndListens()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Nats:Url"] = "nats://127.0.0.1:1" });

        Assert.IsType<JetStreamEventPublisher>(services.GetRequiredService<IEventPublisher>());
        Assert.True(services.GetRequiredService<EngineNats>().IsConfigured);
        Assert.NotNull(services.GetRequiredService<NatsEventListener>());
    }

    [Fact]
    public void AddEngineEvents_InvalidSubscriberBuffer_ThrowsNamingTheKey()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Build(new Dictionary<string, string?> { ["Events:SubscriberBuffer"] = "0" }));

        Assert.Contains("Events:SubscriberBuffer", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddEngineEvents(configuration).BuildServiceProvider();
    }
}
