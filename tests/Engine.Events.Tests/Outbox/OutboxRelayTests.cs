using Engine.Events.Feed;
using Engine.Events.Outbox;
using Engine.Events.Publishing;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Runtime.Events;
using Engine.Testing;
using Npgsql;

namespace Engine.Events.Tests.Outbox;

public sealed class OutboxRelayTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
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
    public async Task RelayOnceAsync_PendingRows_PublishesEachRecordsEventsInOrderAndMarksThemDelivered()
    {
        var publisher = new RecordingPublisher();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = await bed.InsertAsync(post, ("title", "v0"));
            ids.Add(id);
            for (var v = 1; v <= 3; v++)
            {
                await bed.UpdateAsync(post, id, ("title", "v" + v));
            }
        }

        var published = await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);

        Assert.Equal(20, published);
        foreach (var id in ids)
        {
            var events = publisher.Of(post.Name).Where(e => e.RecordId == id).ToList();
            Assert.Equal([RecordAction.Created, RecordAction.Updated, RecordAction.Updated, RecordAction.Updated], events.Select(e => e.Action));
            Assert.Equal(["v0", "v1", "v2", "v3"], events.Select(Title));
        }

        Assert.Equal(0, await bed.CountAsync("resource = $1 AND delivered_at IS NULL", post.Name));
        Assert.Equal(0, await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RelayOnceAsync_PublisherFails_KeepsTheRowsAndPublishesThemOnceItWorks()
    {
        var publisher = new RecordingPublisher { Failing = true };
        var id = await bed.InsertAsync(post, ("title", "a"));
        await bed.UpdateAsync(post, id, ("title", "b"));
        var relay = bed.Relay(publisher);

        await Assert.ThrowsAsync<InvalidOperationException>(() => relay.RelayOnceAsync(CancellationToken.None));
        Assert.Equal(2, await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", id));

        publisher.Failing = false;
        await relay.RelayOnceAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], publisher.Of(post.Name).Where(e => e.RecordId == id).Select(Title));
        Assert.Equal(0, await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", id));
    }

    [Fact]
    public async Task RelayOnceAsync_ShardLockedByAnotherRelay_SkipsItUntilReleased()
    {
        var publisher = new RecordingPublisher();
        var id = await bed.InsertAsync(post, ("title", "locked"));
        var shard = (short)(await bed.Database.ScalarAsync("SELECT shard FROM engine_meta.outbox WHERE record_id = $1", id))!;
        await using (var connection = await bed.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, $2)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = OutboxStore.RelayLockKey });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
            await command.ExecuteNonQueryAsync();

            await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(publisher.Published, e => e.RecordId == id);
        }

        await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);
        Assert.Contains(publisher.Published, e => e.RecordId == id);
    }

    [Fact]
    public async Task PruneAsync_DeliveredLongerThanRetention_DeletesOnlyThose()
    {
        var delivered = await bed.InsertAsync(post, ("title", "old"));
        // A retention of 60 ms: kept at delivery, old enough to prune a moment later.
        var relay = bed.Relay(new RecordingPublisher(), new EventsOptions { RetentionMinutes = 0.001 });
        await relay.RelayOnceAsync(CancellationToken.None);
        Assert.Equal(1, await bed.CountAsync("record_id = $1 AND delivered_at IS NOT NULL", delivered));
        await Task.Delay(200);
        var pending = await bed.InsertAsync(post, ("title", "new"));

        var pruned = await relay.PruneAsync(CancellationToken.None);

        Assert.True(pruned >= 1);
        Assert.Equal(0, await bed.CountAsync("record_id = $1", delivered));
        Assert.Equal(1, await bed.CountAsync("record_id = $1", pending));
        var keeping = bed.Relay(new RecordingPublisher(), new EventsOptions { RetentionMinutes = 60 });
        await keeping.RelayOnceAsync(CancellationToken.None);
        Assert.Equal(0, await keeping.PruneAsync(CancellationToken.None));
        Assert.Equal(1, await bed.CountAsync("record_id = $1", pending));
    }

    [Fact]
    public async Task RelayOnceAsync_NoRetention_DeletesRowsAsTheyAreDeliveredAndKeepsFailedOnes()
    {
        var publisher = new RecordingPublisher();
        var relay = bed.Relay(publisher, new EventsOptions { RetentionMinutes = 0 });
        var delivered = await bed.InsertAsync(post, ("title", "sent"));
        await bed.UpdateAsync(post, delivered, ("title", "sent again"));

        Assert.Equal(2, await relay.RelayOnceAsync(CancellationToken.None));
        Assert.Equal(0, await bed.CountAsync("record_id = $1", delivered));
        Assert.Equal(["sent", "sent again"], publisher.Of(post.Name).Where(e => e.RecordId == delivered).Select(Title));

        publisher.Failing = true;
        var failed = await bed.InsertAsync(post, ("title", "waits"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => relay.RelayOnceAsync(CancellationToken.None));
        Assert.Equal(1, await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", failed));
        publisher.Failing = false;
        await relay.RelayOnceAsync(CancellationToken.None);
        Assert.Equal(0, await bed.CountAsync("record_id = $1", failed));
    }

    [Fact]
    public async Task RelayOnceAsync_ResourceNotInTheMetadata_WaitsThenPublishesTheRawRow()
    {
        var publisher = new RecordingPublisher();
        // Both in shard 0; the waiting row comes last, since it holds back the rows after it.
        var old = await InsertForeignRowAsync("GoneLongAgo", TimeSpan.FromMinutes(5));
        var recent = await InsertForeignRowAsync("GoneRecently", TimeSpan.Zero);

        await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(publisher.Published, e => e.RecordId == recent);
        var raw = Assert.Single(publisher.Published, e => e.RecordId == old);
        Assert.Equal("GoneLongAgo", raw.Resource);
        Assert.Equal("""{"id": "x", "some_column": 1}""", System.Text.Encoding.UTF8.GetString(raw.Data.Span));
        Assert.Equal(1, await bed.CountAsync("record_id = $1 AND delivered_at IS NULL", recent));
        await bed.MarkAllDeliveredAsync();
    }

    [Fact]
    public async Task ExecuteAsync_WithTheInProcessBus_SubscriberReceivesCreateUpdateDelete()
    {
        var feed = new RecordEventFeed(new EventsOptions());
        using var subscription = feed.Subscribe(post.Name);
        var relay = bed.Relay(new InProcessEventBus(feed));
        await relay.StartAsync(CancellationToken.None);
        try
        {
            var id = await bed.InsertAsync(post, ("title", "live"));
            await bed.UpdateAsync(post, id, ("title", "changed"));
            await bed.DeleteAsync(post, id);

            var received = new List<RecordEvent>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (received.Count < 3)
            {
                received.Add(await subscription.Events.ReadAsync(timeout.Token));
            }

            Assert.Equal([RecordAction.Created, RecordAction.Updated, RecordAction.Deleted], received.Select(e => e.Action));
            Assert.All(received, e => Assert.Equal(id, e.RecordId));
            Assert.Equal(["title"], received[1].UpdatedFields);
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    private async Task<Guid> InsertForeignRowAsync(string resource, TimeSpan age)
    {
        var id = Guid.NewGuid();
        await bed.Database.ScalarAsync(
            """
            INSERT INTO engine_meta.outbox (resource, operation, record_id, shard, new_row, committed_at)
            VALUES ($1, 'I', $2, 0, '{"id": "x", "some_column": 1}', now() - $3::interval)
            """,
            resource, id, age);
        return id;
    }

    private static string Title(RecordEvent e)
    {
        using var document = System.Text.Json.JsonDocument.Parse(e.Data);
        return document.RootElement.GetProperty("title").GetString()!;
    }
}
