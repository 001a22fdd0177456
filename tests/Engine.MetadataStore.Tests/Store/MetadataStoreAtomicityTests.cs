using Engine.Metadata.Definitions;
using Engine.MetadataStore.Planning;
using Engine.Testing;
using Npgsql;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

[Collection(MetadataStoreCollection.Name)]
public class MetadataStoreAtomicityTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact]
    public async Task ApplyAsync_FailingStep_RollsBackEveryStepAndTheVersion()
    {
        var existing = UniqueNames.Resource("Filled");
        var added = UniqueNames.Resource("Added");
        await PutAsync(Resource(existing, Field("title", FieldTypes.String)));
        await InsertRowAsync(TableOf(existing));
        var version = await Store.CurrentVersionAsync(CancellationToken.None);

        // The new table is created first; the required column without a default then fails on the existing row.
        var result = await ApplyDocumentAsync(document =>
        {
            var index = document.FindIndex(d => d.Name == existing);
            document[index] = Resource(existing, Field("title", FieldTypes.String), Field("code", FieldTypes.String) with { Required = true });
            document.Add(Resource(added, Field("title", FieldTypes.String)));
            return document;
        });

        Assert.Equal(ChangeStatus.Failed, result.Status);
        Assert.Equal(MigrationStepKinds.AddColumn, result.FailedStep!.Kind);
        Assert.Contains("required", result.Message, StringComparison.Ordinal);
        Assert.NotNull(result.DatabaseMessage);
        Assert.Contains(result.Plan.Steps, s => s.Kind == MigrationStepKinds.CreateTable && s.Table == TableOf(added));
        Assert.False(await TableExistsAsync(TableOf(added)));
        Assert.False((await ColumnsAsync(TableOf(existing))).ContainsKey("code"));
        Assert.Equal(version, await Store.CurrentVersionAsync(CancellationToken.None));
        Assert.Null((await Store.LoadAsync(CancellationToken.None)).Resource(added));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentChanges_BothApplyWithConsecutiveVersions()
    {
        var known = await Store.LoadAsync(CancellationToken.None);
        var first = UniqueNames.Resource("Left");
        var second = UniqueNames.Resource("Right");

        // Both callers hold the same (soon stale) metadata; the one that waits must notice and reload.
        var results = await Task.WhenAll(
            Store.ApplyAsync(new PutResource(Resource(first, Field("title", FieldTypes.String))) { Author = Author }, known, CancellationToken.None),
            new VersionedMetadataStore(Database.DataSource).ApplyAsync(new PutResource(Resource(second, Field("title", FieldTypes.String))) { Author = Author }, known, CancellationToken.None));

        Assert.All(results, r => Assert.Equal(ChangeStatus.Applied, r.Status));
        Assert.Equal([known.Version + 1, known.Version + 2], results.Select(r => r.Version).Order());
        var last = results.MaxBy(r => r.Version)!;
        Assert.NotNull(last.Metadata!.Resource(first));
        Assert.NotNull(last.Metadata.Resource(second));
        Assert.True(await TableExistsAsync(TableOf(first)));
        Assert.True(await TableExistsAsync(TableOf(second)));
        var summaries = (await Store.HistoryAsync(2, CancellationToken.None)).Select(h => h.Summary).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new HashSet<string>([$"put {first}: created", $"put {second}: created"], StringComparer.Ordinal), summaries);
    }

    [Fact]
    public async Task ApplyAsync_DryRun_ReturnsPlanAndChangesNothing()
    {
        var name = UniqueNames.Resource("Draft");
        var version = await Store.CurrentVersionAsync(CancellationToken.None);

        var result = await ApplyDocumentAsync(document => [.. document, Resource(name, Field("title", FieldTypes.String))], dryRun: true);

        Assert.Equal(ChangeStatus.DryRun, result.Status);
        Assert.Contains(result.Plan.Steps, s => s.Kind == MigrationStepKinds.CreateTable && s.Table == TableOf(name));
        Assert.False(await TableExistsAsync(TableOf(name)));
        Assert.Equal(version, await Store.CurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_DocumentWithoutAResource_IsRefusedAsDestructiveUnlessAllowed()
    {
        var name = UniqueNames.Resource("Dropped");
        await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        var refused = await ApplyDocumentAsync(document => document.Where(d => d.Name != name).ToList());
        Assert.Equal(ChangeStatus.DestructiveRefused, refused.Status);
        Assert.True(await TableExistsAsync(TableOf(name)));

        var applied = await ApplyDocumentAsync(document => document.Where(d => d.Name != name).ToList(), allowDestructive: true);

        Assert.Equal(ChangeStatus.Applied, applied.Status);
        Assert.False(await TableExistsAsync(TableOf(name)));
        Assert.Equal($"applied document: deleted {name}", (await Store.HistoryAsync(1, CancellationToken.None))[0].Summary);
    }

    [Fact]
    public async Task ApplyAsync_Applied_NotifiesTheNewVersion()
    {
        await using var listener = await Database.DataSource.OpenConnectionAsync();
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand($"LISTEN {VersionedMetadataStore.ChangeChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var result = await PutAsync(Resource(UniqueNames.Resource("Announced"), Field("title", FieldTypes.String)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (payload != result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), payload);
    }
}
