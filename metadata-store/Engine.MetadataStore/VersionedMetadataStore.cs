using Engine.Metadata.Model;
using Engine.MetadataStore.Schema;
using Engine.MetadataStore.Store;
using Npgsql;

namespace Engine.MetadataStore;

/// <summary>
/// The versioned metadata store in PostgreSQL (schema <c>engine_meta</c>) and the migrator of the data tables: every
/// change is validated, turned into DDL, run, and recorded as a new version in one transaction.
/// </summary>
public sealed class VersionedMetadataStore
{
    /// <summary>The PostgreSQL channel each committed change is announced on (<c>NOTIFY</c>, payload: the new version).</summary>
    public const string ChangeChannel = MetadataWriter.ChangeChannel;

    private readonly NpgsqlDataSource dataSource;
    private readonly ChangeApplier applier;

    /// <summary>A store over <paramref name="dataSource"/> whose data tables live in <paramref name="dataSchema"/>.</summary>
    public VersionedMetadataStore(NpgsqlDataSource dataSource, string dataSchema = SchemaModelBuilder.DefaultDataSchema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(dataSchema);
        this.dataSource = dataSource;
        DataSchema = dataSchema;
        applier = new ChangeApplier(dataSource, dataSchema);
    }

    /// <summary>The PostgreSQL schema of the data tables.</summary>
    public string DataSchema { get; }

    /// <summary>Creates or upgrades the store's own schema; safe when several pods start at once.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) => StoreSchemaMigrator.MigrateAsync(dataSource, DataSchema, cancellationToken);

    /// <summary>The current version and its resources, read in one snapshot.</summary>
    public async Task<StoredMetadata> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var metadata = await MetadataReader.LoadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return metadata;
    }

    /// <summary>The current version number: one index lookup, for pods polling for changes.</summary>
    public async Task<long> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MetadataReader.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest <paramref name="limit"/> versions, newest first.</summary>
    public async Task<IReadOnlyList<VersionInfo>> HistoryAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MetadataReader.HistoryAsync(connection, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a change, reading the current metadata from the database.</summary>
    public Task<ChangeResult> ApplyAsync(MetadataChange change, CancellationToken cancellationToken) =>
        ApplyAsync(change, null, cancellationToken);

    /// <summary>
    /// Applies a change atomically. <paramref name="known"/> is the metadata the caller holds; when it is the current
    /// version it is used instead of reading every definition again.
    /// </summary>
    public Task<ChangeResult> ApplyAsync(MetadataChange change, StoredMetadata? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return applier.ApplyAsync(change, known, cancellationToken);
    }

    /// <summary>The resolved model of stored metadata, in this store's data schema.</summary>
    public SchemaModel BuildModel(StoredMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return SchemaModelBuilder.Build(metadata.Version, metadata.Definitions, DataSchema);
    }
}
