using Engine.Dialects;
using Engine.Metadata.Model;
using Engine.MetadataStore.Schema;
using Engine.MetadataStore.Store;
using Npgsql;

namespace Engine.MetadataStore;

/// <summary>
/// The versioned metadata store in PostgreSQL (schema <c>engine_meta</c>) and the migrator of the data tables: every
/// change is validated, turned into DDL, run, and recorded as a new version in one transaction. On CockroachDB the DDL
/// runs step by step outside that transaction and the version commits last (<see cref="CockroachChangeApplier"/>).
/// </summary>
public sealed class VersionedMetadataStore
{
    /// <summary>The PostgreSQL channel each committed change is announced on (<c>NOTIFY</c>, payload: the new version); not on CockroachDB.</summary>
    public const string ChangeChannel = MetadataWriter.ChangeChannel;

    private readonly NpgsqlDataSource dataSource;
    private readonly DatabaseDialect dialect;
    private readonly ChangeApplier applier;
    private readonly CockroachChangeApplier cockroachApplier;

    /// <summary>A store over <paramref name="dataSource"/> whose data tables live in <paramref name="dataSchema"/>.</summary>
    public VersionedMetadataStore(NpgsqlDataSource dataSource, string dataSchema = SchemaModelBuilder.DefaultDataSchema)
        : this(dataSource, dataSchema, DatabaseDialect.Postgres)
    {
    }

    /// <summary>A store in <paramref name="dialect"/> (PostgreSQL or CockroachDB).</summary>
    public VersionedMetadataStore(NpgsqlDataSource dataSource, string dataSchema, DatabaseDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(dataSchema);
        ArgumentNullException.ThrowIfNull(dialect);
        this.dataSource = dataSource;
        this.dialect = dialect;
        DataSchema = dataSchema;
        applier = new ChangeApplier(dataSource, dataSchema);
        cockroachApplier = new CockroachChangeApplier(dataSource, dataSchema, dialect.Retry);
    }

    /// <summary>The PostgreSQL schema of the data tables.</summary>
    public string DataSchema { get; }

    /// <summary>The dialect the store speaks.</summary>
    public DatabaseDialect Dialect => dialect;

    /// <summary>
    /// Creates or upgrades the store's own schema; safe when several pods start at once. On CockroachDB it then
    /// finishes (or takes back) a metadata change a dead pod left half-way.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!dialect.IsCockroach)
        {
            await StoreSchemaMigrator.MigrateAsync(dataSource, DataSchema, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CockroachStoreSchemaMigrator.MigrateAsync(dataSource, dialect.Retry, cancellationToken).ConfigureAwait(false);
        await cockroachApplier.RecoverAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current version and its resources, read in one snapshot.</summary>
    public Task<StoredMetadata> LoadAsync(CancellationToken cancellationToken) => dialect.Retry.ExecuteAsync(async token =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, token).ConfigureAwait(false);
        var metadata = await MetadataReader.LoadAsync(connection, transaction, token).ConfigureAwait(false);
        await transaction.CommitAsync(token).ConfigureAwait(false);
        return metadata;
    }, cancellationToken);

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
        return dialect.IsCockroach
            ? cockroachApplier.ApplyAsync(change, known, cancellationToken)
            : applier.ApplyAsync(change, known, cancellationToken);
    }

    /// <summary>The resolved model of stored metadata, in this store's data schema.</summary>
    public SchemaModel BuildModel(StoredMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return SchemaModelBuilder.Build(metadata.Version, metadata.Definitions, DataSchema);
    }
}
