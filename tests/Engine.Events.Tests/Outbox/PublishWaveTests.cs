using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Runtime.Events;
using Engine.Testing;

namespace Engine.Events.Tests.Outbox;

/// <summary>The relay's waves: events of different records in flight together, a record's events still in order.</summary>
public sealed class PublishWaveTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private OutboxTestBed bed = null!;
    private ResourceModel post = null!;

    public async Task InitializeAsync()
    {
        bed = await OutboxTestBed.CreateAsync(database);
        (_, post) = await bed.PutBlogAsync();
        await bed.MarkAllDeliveredAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RelayOnceAsync_AcknowledgementsOutOfOrder_SendsARecordsNextEventOnlyAfterItsPreviousWasAcknowledged()
    {
        var publisher = new LateAcknowledgingPublisher();
        var ids = new List<Guid>();
        // More records than shards, so some shard holds several: only waves put those in flight together (one shard at a time).
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await bed.InsertAsync(post, ("title", "v0")));
        }

        for (var v = 1; v <= 3; v++)
        {
            foreach (var id in ids)
            {
                await bed.UpdateAsync(post, id, ("title", "v" + v));
            }
        }

        var published = await bed.Relay(publisher, new EventsOptions { RelayParallelism = 1 }).RelayOnceAsync(CancellationToken.None);

        Assert.Equal(160, published);
        Assert.All(publisher.Sent, sent => Assert.True(sent.PreviousAcknowledged, $"event {sent.Event.Id} was sent before its record's previous event was acknowledged"));
        foreach (var id in ids)
        {
            var events = publisher.Sent.Select(s => s.Event).Where(e => e.RecordId == id).ToList();
            Assert.Equal([RecordAction.Created, RecordAction.Updated, RecordAction.Updated, RecordAction.Updated], events.Select(e => e.Action));
        }

        Assert.True(publisher.MostInFlight > 1, "events of different records are in flight together");
        Assert.Equal(0, await bed.CountAsync("resource = $1 AND delivered_at IS NULL", post.Name));
    }

    [Fact]
    public async Task RelayOnceAsync_OneRecordRefusedInAWave_OnlyThatRecordsRowsStayPending()
    {
        var failing = await bed.InsertAsync(post, ("title", "refused"));
        await bed.UpdateAsync(post, failing, ("title", "refused again"));
        var others = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(await bed.InsertAsync(post, ("title", "fine")));
        }

        var publisher = new LateAcknowledgingPublisher { FailingRecord = failing };

        await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Relay(publisher).RelayOnceAsync(CancellationToken.None));

        Assert.Equal(2, await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", failing));
        Assert.DoesNotContain(publisher.Sent, s => s.Event.RecordId == failing && s.Event.Action == RecordAction.Updated);
        foreach (var id in others)
        {
            // Each is the first event of its shard's wave or of a later shard: sent and acknowledged unless it shares the
            // refused record's shard and came after it.
            var pending = await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", id);
            var sent = publisher.Sent.Any(s => s.Event.RecordId == id);
            Assert.Equal(sent ? 0 : 1, pending);
        }

        publisher.FailingRecord = null;
        await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);
        Assert.Equal(0, await bed.CountAsync("resource = $1 AND delivered_at IS NULL", post.Name));
        Assert.Equal(
            [RecordAction.Created, RecordAction.Updated],
            publisher.Sent.Select(s => s.Event).Where(e => e.RecordId == failing).Select(e => e.Action).Skip(1));
    }
}
