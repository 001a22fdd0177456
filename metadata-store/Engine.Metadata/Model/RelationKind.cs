namespace Engine.Metadata.Model;

/// <summary>How a relation is stored.</summary>
public enum RelationKind
{
    /// <summary>This side has the foreign key column.</summary>
    ManyToOne,

    /// <summary>The target has the foreign key column (this side is the inverse of a to-one).</summary>
    OneToMany,

    /// <summary>Both sides meet in a join table.</summary>
    ManyToMany,
}
