namespace Engine.Runtime.Events;

/// <summary>What happened to a record (SPEC §5: <c>created</c>, <c>updated</c>, <c>deleted</c>).</summary>
public enum RecordAction
{
    /// <summary>The record was inserted.</summary>
    Created,

    /// <summary>The record was changed.</summary>
    Updated,

    /// <summary>The record was removed.</summary>
    Deleted,
}
