namespace Engine.MetadataStore.Store;

/// <summary>What recovery found and did about a CockroachDB change left half-way.</summary>
internal enum RecoveryOutcome
{
    /// <summary>No change was pending.</summary>
    NothingPending,

    /// <summary>The change's remaining steps ran and its version committed.</summary>
    Finished,

    /// <summary>A step failed on replay; the change was taken back and is gone.</summary>
    TakenBack,

    /// <summary>The pending change did not start from the current version and was dropped.</summary>
    Discarded,
}
