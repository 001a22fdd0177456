using Engine.Metadata.Validation;
using Engine.MetadataStore.Planning;

namespace Engine.MetadataStore;

/// <summary>The outcome of <see cref="VersionedMetadataStore.ApplyAsync(MetadataChange, StoredMetadata?, CancellationToken)"/>.</summary>
public sealed record ChangeResult
{
    /// <summary>How it ended.</summary>
    public required ChangeStatus Status { get; init; }

    /// <summary>The new version when applied; otherwise the current version (the one a retry must match).</summary>
    public required long Version { get; init; }

    /// <summary>The plan that ran, would run (dry run) or was refused; empty when planning was not reached.</summary>
    public MigrationPlan Plan { get; init; } = MigrationPlan.Empty;

    /// <summary>The broken rules, for <see cref="ChangeStatus.ValidationFailed"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>A sentence for the admin: why it was refused or failed, or what was applied.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="ChangeStatus.Failed"/>: the step that failed.</summary>
    public MigrationStep? FailedStep { get; init; }

    /// <summary>For <see cref="ChangeStatus.Failed"/>: PostgreSQL's own message, for logs (not for clients).</summary>
    public string? DatabaseMessage { get; init; }

    /// <summary>For <see cref="ChangeStatus.Applied"/>: the metadata now current, so the caller can serve it at once.</summary>
    public StoredMetadata? Metadata { get; init; }

    /// <summary>True when a new version was committed.</summary>
    public bool Changed { get; init; }
}
