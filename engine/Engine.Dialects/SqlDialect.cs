namespace Engine.Dialects;

/// <summary>The database the engine talks to (<c>Engine:Dialect</c>, SPEC §7); both speak the PostgreSQL wire protocol.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL (the default).</summary>
    Postgres,

    /// <summary>CockroachDB: serializable only, no advisory locks, no NOTIFY, schema changes not transactional with writes.</summary>
    Cockroach,
}
