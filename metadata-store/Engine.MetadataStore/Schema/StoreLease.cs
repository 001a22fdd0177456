using Engine.Dialects;
using Npgsql;

namespace Engine.MetadataStore.Schema;

/// <summary>
/// A named lease in <c>engine_meta.leases</c>: CockroachDB's stand-in for PostgreSQL's advisory locks, which it does
/// not have, for work that spans several transactions (a metadata change whose DDL runs step by step). One holder at a
/// time; a holder that dies leaves a lease that expires after <see cref="Duration"/>, so the next pod can go on
/// (and recovers what was left half-way). The holder renews it between steps and stops when it was lost.
/// </summary>
internal sealed class StoreLease : IAsyncDisposable
{
    /// <summary>Creates the lease table (before the store's own migrations, which run under a lease).</summary>
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS engine_meta.leases (
            name       text        PRIMARY KEY,
            holder     uuid        NOT NULL,
            expires_at timestamptz NOT NULL
        )
        """;

    // Taken when free, expired, or already ours; returns the row only when taken.
    private const string AcquireSql = """
        INSERT INTO engine_meta.leases AS l (name, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE l.expires_at < now() OR l.holder = excluded.holder
        RETURNING l.holder
        """;

    private const string RenewSql = "UPDATE engine_meta.leases SET expires_at = now() + $3 * interval '1 millisecond' WHERE name = $1 AND holder = $2";

    private const string ReleaseSql = "DELETE FROM engine_meta.leases WHERE name = $1 AND holder = $2";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlDataSource dataSource;
    private readonly TransactionRetryPolicy retry;

    private StoreLease(NpgsqlDataSource dataSource, string name, TimeSpan duration, TransactionRetryPolicy retry)
    {
        this.dataSource = dataSource;
        this.retry = retry;
        Name = name;
        Duration = duration;
    }

    /// <summary>The lease's name.</summary>
    public string Name { get; }

    /// <summary>How long the lease lasts after it was taken or last renewed.</summary>
    public TimeSpan Duration { get; }

    /// <summary>This holder's id.</summary>
    public Guid Holder { get; } = Guid.NewGuid();

    /// <summary>Waits until the lease is free (or expired) and takes it.</summary>
    public static async Task<StoreLease> AcquireAsync(
        NpgsqlDataSource dataSource, string name, TimeSpan duration, TransactionRetryPolicy retry, CancellationToken cancellationToken)
    {
        var lease = new StoreLease(dataSource, name, duration, retry);
        while (!await lease.TryTakeAsync(AcquireSql, cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        return lease;
    }

    /// <summary>Extends the lease; throws when another holder took it (this one expired), so the work stops.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (!await TryTakeAsync(RenewSql, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The lease '{Name}' expired and was taken by another pod; this pod stopped its work.");
        }
    }

    /// <summary>Gives the lease back (best effort: an unreleased lease expires).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(ReleaseSql, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The lease expires on its own.
        }
    }

    private async Task<bool> TryTakeAsync(string sql, CancellationToken cancellationToken) =>
        await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Runs one of the lease's statements; returns the rows it took (RETURNING) or changed.</summary>
    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) => retry.ExecuteAsync(async token =>
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = Name });
        command.Parameters.Add(new NpgsqlParameter { Value = Holder });
        if (sql != ReleaseSql)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Duration.TotalMilliseconds });
        }

        if (sql != AcquireSql)
        {
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }

        return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is null ? 0 : 1;
    }, cancellationToken);
}
