using Engine.Dialects;
using Engine.MetadataStore.Schema;
using Engine.Testing;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>The store's own schema the CockroachDB way (scripts, leases), on a fresh PostgreSQL database per test.</summary>
public sealed class CockroachStoreSchemaTests
{
    [Fact]
    public void Scripts_Cockroach_ReplacesOnlyTheOutboxScript()
    {
        var postgres = StoreSchemaMigrator.Scripts();
        var cockroach = CockroachStoreSchemaMigrator.Scripts();

        Assert.Equal(postgres.Select(s => s.Id), cockroach.Select(s => s.Id));
        var outbox = string.Join('\n', cockroach.Single(s => s.Id == 2).Sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        Assert.DoesNotContain("hashtext", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain("\"char\"", outbox, StringComparison.Ordinal);
        Assert.DoesNotContain("DO $$", outbox, StringComparison.Ordinal);
        Assert.Contains("outbox_shards", outbox, StringComparison.Ordinal);
        Assert.All(cockroach.Where(s => s.Id != 2), s => Assert.Equal(postgres.Single(p => p.Id == s.Id).Sql, s.Sql));
    }

    [Fact]
    public async Task MigrateAsync_TwoPodsAtOnce_BothFinishAndEveryScriptRunsOnce()
    {
        await using var database = await FreshAsync();
        var first = new VersionedMetadataStore(database.DataSource, "data", DatabaseDialect.Cockroach);
        var second = new VersionedMetadataStore(database.DataSource, "data", DatabaseDialect.Cockroach);

        await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));

        Assert.Equal((long)StoreSchemaMigrator.Scripts().Count, await database.ScalarAsync("SELECT count(*) FROM engine_meta.schema_migrations"));
        Assert.Equal(16L, await database.ScalarAsync("SELECT count(*) FROM engine_meta.outbox_shards"));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM engine_meta.leases"));
        Assert.Equal(0L, (await first.LoadAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task StoreLease_HeldByAnother_WaitsUntilReleased()
    {
        await using var database = await FreshAsync();
        await new VersionedMetadataStore(database.DataSource, "data", DatabaseDialect.Cockroach).MigrateAsync(CancellationToken.None);
        var held = await StoreLease.AcquireAsync(database.DataSource, "test", TimeSpan.FromMinutes(1), TransactionRetryPolicy.None, CancellationToken.None);

        var waiting = StoreLease.AcquireAsync(database.DataSource, "test", TimeSpan.FromMinutes(1), TransactionRetryPolicy.None, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(held.Holder, taken.Holder);
    }

    [Fact]
    public async Task StoreLease_Expired_IsTakenOverAndTheFormerHolderCannotRenew()
    {
        await using var database = await FreshAsync();
        await new VersionedMetadataStore(database.DataSource, "data", DatabaseDialect.Cockroach).MigrateAsync(CancellationToken.None);
        var dead = await StoreLease.AcquireAsync(database.DataSource, "test", TimeSpan.FromMilliseconds(50), TransactionRetryPolicy.None, CancellationToken.None);
        await Task.Delay(200);

        await using var next = await StoreLease.AcquireAsync(database.DataSource, "test", TimeSpan.FromMinutes(1), TransactionRetryPolicy.None, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => dead.RenewAsync(CancellationToken.None));
        Assert.Contains("'test'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<FreshDatabase> FreshAsync()
    {
        var database = new FreshDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <summary>A database of its own, dropped when the test ends.</summary>
    private sealed class FreshDatabase : PostgresDatabase, IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
