using Engine.Dialects;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Runtime.Events;
using Engine.Testing;
using Npgsql;

namespace Engine.Events.Tests.Outbox;

/// <summary>
/// The relay over a store migrated the CockroachDB way (its outbox trigger function and the outbox_shards rows that
/// stand in for advisory locks), run on the real PostgreSQL.
/// </summary>
public sealed class OutboxRelayCockroachTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private OutboxTestBed bed = null!;
    private ResourceModel author = null!;
    private ResourceModel post = null!;

    public async Task InitializeAsync()
    {
        bed = await OutboxTestBed.CreateAsync(database, DatabaseDialect.Cockroach);
        (author, post) = await bed.PutBlogAsync();
        await bed.MarkAllDeliveredAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RelayOnceAsync_CockroachTrigger_PublishesEachRecordsEventsInOrderWithItsResourceName()
    {
        var publisher = new RecordingPublisher();
        var writer = await bed.InsertAsync(author, ("name", "Ada"));
        var id = await bed.InsertAsync(post, ("title", "v0"), ("author_id", writer));
        await bed.UpdateAsync(post, id, ("title", "v1"));
        await bed.DeleteAsync(author, writer);

        // Delivered rows kept, to check the shard the trigger gave them.
        await bed.Relay(publisher, new EventsOptions { RetentionMinutes = 60 }).RelayOnceAsync(CancellationToken.None);

        var events = publisher.Of(post.Name).Where(e => e.RecordId == id).ToList();
        Assert.Equal([RecordAction.Created, RecordAction.Updated, RecordAction.Updated], events.Select(e => e.Action));
        Assert.Single(publisher.Of(author.Name), e => e.Action == RecordAction.Deleted);
        Assert.Equal(0, await bed.CountAsync("delivered_at IS NULL"));
        Assert.Equal(1L, await bed.Database.ScalarAsync(
            "SELECT count(DISTINCT shard) FROM engine_meta.outbox WHERE record_id = $1 AND shard = strpos('0123456789abcdef', right($1::text, 1)) - 1", id));
    }

    [Fact]
    public async Task RelayOnceAsync_ShardRowLockedByAnotherRelay_SkipsItUntilReleased()
    {
        var publisher = new RecordingPublisher();
        var id = await bed.InsertAsync(post, ("title", "locked"));
        var shard = (short)(await bed.Database.ScalarAsync("SELECT shard FROM engine_meta.outbox WHERE record_id = $1", id))!;
        await using (var connection = await bed.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand("SELECT shard FROM engine_meta.outbox_shards WHERE shard = $1 FOR UPDATE", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = shard });
            await command.ExecuteNonQueryAsync();

            await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);
            Assert.DoesNotContain(publisher.Published, e => e.RecordId == id);
        }

        await bed.Relay(publisher).RelayOnceAsync(CancellationToken.None);

        Assert.Contains(publisher.Published, e => e.RecordId == id);
    }
}
