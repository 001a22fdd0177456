using Engine.MetadataStore.Planning;
using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>
/// A change after everything but its DDL and version row: either its final <see cref="Outcome"/> (refused, invalid,
/// a dry run, nothing to do) or what running it needs: the plan, the way back (<see cref="Undo"/>, CockroachDB only),
/// the numbering and the changed resources.
/// </summary>
internal sealed record PreparedChange(
    MetadataChange Change,
    long Version,
    StoredMetadata Current,
    ChangeApplier.Numbering Numbering,
    ChangeSet Changes,
    MigrationPlan Plan,
    MigrationPlan Undo,
    string Summary)
{
    /// <summary>The final outcome, when the change ends before any DDL.</summary>
    public ChangeResult? Outcome { get; private init; }

    public static PreparedChange Final(ChangeResult outcome) =>
        new(null!, outcome.Version, StoredMetadata.Empty, null!, null!, outcome.Plan, MigrationPlan.Empty, "") { Outcome = outcome };

    /// <summary>The result of a committed version made at <paramref name="createdAt"/>.</summary>
    public ChangeResult Applied(DateTimeOffset createdAt) => new()
    {
        Status = ChangeStatus.Applied,
        Version = Version + 1,
        Plan = Plan,
        Changed = true,
        Message = Summary,
        Metadata = ChangeApplier.NextMetadata(Current, Changes, Numbering, Version + 1, createdAt),
    };

    /// <summary>The result of a DDL step the database refused (nothing of the change remains).</summary>
    public ChangeResult Failed(MigrationStep step, PostgresException error) => new()
    {
        Status = ChangeStatus.Failed,
        Version = Version,
        Plan = Plan,
        FailedStep = step,
        Message = DdlErrorMessages.Describe(error, step),
        DatabaseMessage = error.MessageText,
    };
}
