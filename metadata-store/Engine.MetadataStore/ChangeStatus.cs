namespace Engine.MetadataStore;

/// <summary>How a metadata change ended; the HTTP layer maps it to a status code.</summary>
public enum ChangeStatus
{
    /// <summary>Committed as a new version (or nothing differed, and the version stayed). HTTP 200.</summary>
    Applied,

    /// <summary>A dry run: the plan is returned, nothing changed. HTTP 200.</summary>
    DryRun,

    /// <summary>The metadata breaks a rule; see the errors. HTTP 400.</summary>
    ValidationFailed,

    /// <summary>The If-Match version is not the current one. HTTP 412.</summary>
    PreconditionFailed,

    /// <summary>The plan has destructive steps and they were not allowed. HTTP 409.</summary>
    DestructiveRefused,

    /// <summary>The change conflicts with data or other resources (a delete of a used resource). HTTP 409.</summary>
    Conflict,

    /// <summary>The resource to delete does not exist. HTTP 404.</summary>
    NotFound,

    /// <summary>A DDL step failed in the database; everything was rolled back. HTTP 409.</summary>
    Failed,
}
