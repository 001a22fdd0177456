namespace Engine.Metadata.Model;

/// <summary>What deleting a referenced record does to records that point at it.</summary>
public enum OnDeleteAction
{
    Restrict,
    Cascade,
    SetNull,
}
