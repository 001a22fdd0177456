namespace Engine.Metadata.Model;

/// <summary>The storage of a relation field, resolved from both sides of the definition.</summary>
/// <param name="Kind">How the relation is stored.</param>
/// <param name="Target">The target resource's name.</param>
/// <param name="Inverse">The field on the target that is the other side, if any.</param>
/// <param name="ForeignKeyColumn">For <see cref="RelationKind.ManyToOne"/> the column on this table; for
/// <see cref="RelationKind.OneToMany"/> the column on the target's table.</param>
/// <param name="JoinTable">For <see cref="RelationKind.ManyToMany"/>: the join table (in the data schema).</param>
/// <param name="JoinSourceColumn">Join table column pointing at this resource's rows.</param>
/// <param name="JoinTargetColumn">Join table column pointing at the target's rows.</param>
/// <param name="OnDelete">For <see cref="RelationKind.ManyToOne"/>: the foreign key's delete rule.</param>
public sealed record RelationModel(
    RelationKind Kind,
    string Target,
    string? Inverse,
    string? ForeignKeyColumn,
    string? JoinTable,
    string? JoinSourceColumn,
    string? JoinTargetColumn,
    OnDeleteAction OnDelete);
