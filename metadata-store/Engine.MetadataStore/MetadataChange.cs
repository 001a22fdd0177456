namespace Engine.MetadataStore;

/// <summary>A change to the metadata, made by <see cref="Author"/>: one of <see cref="PutResource"/>,
/// <see cref="DeleteResource"/>, <see cref="ApplyDocument"/>.</summary>
public abstract record MetadataChange
{
    private protected MetadataChange()
    {
    }

    /// <summary>Who makes the change (recorded in the history).</summary>
    public required string Author { get; init; }

    /// <summary>When true, nothing is changed: the result carries the plan that would run.</summary>
    public bool DryRun { get; init; }

    /// <summary>When true, steps that drop data or narrow a column may run; otherwise such a change is refused.</summary>
    public bool AllowDestructive { get; init; }

    /// <summary>The version the caller based the change on (<c>If-Match</c>); a different current version refuses it.</summary>
    public long? IfMatch { get; init; }
}
