namespace Engine.Dialects;

/// <summary>
/// The configured dialect and what follows from it for every transaction the engine runs: CockroachDB retries
/// serialization failures (SQLSTATE 40001) on the client; PostgreSQL runs each transaction once, as it always did.
/// </summary>
public sealed class DatabaseDialect
{
    /// <summary>The configuration key (environment <c>Engine__Dialect</c>).</summary>
    public const string ConfigurationKey = "Engine:Dialect";

    private DatabaseDialect(SqlDialect dialect, TransactionRetryPolicy retry)
    {
        Dialect = dialect;
        Retry = retry;
    }

    /// <summary>PostgreSQL: no client-side retries.</summary>
    public static DatabaseDialect Postgres { get; } = new(SqlDialect.Postgres, TransactionRetryPolicy.None);

    /// <summary>CockroachDB with the default retry policy.</summary>
    public static DatabaseDialect Cockroach { get; } = new(SqlDialect.Cockroach, TransactionRetryPolicy.Cockroach);

    /// <summary>The dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>How transactions are retried.</summary>
    public TransactionRetryPolicy Retry { get; }

    /// <summary>True for CockroachDB.</summary>
    public bool IsCockroach => Dialect == SqlDialect.Cockroach;

    /// <summary>
    /// The dialect named by the value of <see cref="ConfigurationKey"/>: <c>postgres</c> (also when unset) or
    /// <c>cockroach</c>, ignoring case; anything else stops the start with an error naming the key.
    /// </summary>
    public static DatabaseDialect FromConfiguration(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name) || name.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres;
        }

        if (name.Equals("cockroach", StringComparison.OrdinalIgnoreCase))
        {
            return Cockroach;
        }

        throw new InvalidOperationException(
            $"{ConfigurationKey} (environment Engine__Dialect) is '{value}'; it must be 'postgres' or 'cockroach'.");
    }
}
