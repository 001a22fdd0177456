namespace Engine.GraphQL.Schema;

/// <summary>
/// A reference to a type by name, possibly wrapped in list / non-null. Types refer to each other by name so that
/// one resource's compiled types can be reused unchanged in the next snapshot.
/// </summary>
public sealed record GqlTypeRef
{
    private GqlTypeRef(GqlTypeRefKind kind, string? name, GqlTypeRef? ofType)
    {
        Kind = kind;
        Name = name;
        OfType = ofType;
    }

    /// <summary>Named, list or non-null.</summary>
    public GqlTypeRefKind Kind { get; }

    /// <summary>The type's name when <see cref="Kind"/> is <see cref="GqlTypeRefKind.Named"/>.</summary>
    public string? Name { get; }

    /// <summary>The wrapped type for list and non-null.</summary>
    public GqlTypeRef? OfType { get; }

    /// <summary>A nullable reference to a named type.</summary>
    public static GqlTypeRef Named(string name) => new(GqlTypeRefKind.Named, name, null);

    /// <summary><c>[inner]</c>.</summary>
    public static GqlTypeRef ListOf(GqlTypeRef inner) => new(GqlTypeRefKind.List, null, inner);

    /// <summary><c>inner!</c>.</summary>
    public static GqlTypeRef NonNull(GqlTypeRef inner) => new(GqlTypeRefKind.NonNull, null, inner);

    /// <summary><c>Name!</c>.</summary>
    public static GqlTypeRef NonNullNamed(string name) => NonNull(Named(name));

    /// <summary>The innermost named type's name.</summary>
    public string NamedType => Kind == GqlTypeRefKind.Named ? Name! : OfType!.NamedType;

    /// <summary>True for <c>T!</c>.</summary>
    public bool IsNonNull => Kind == GqlTypeRefKind.NonNull;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GqlTypeRef Nullable => Kind == GqlTypeRefKind.NonNull ? OfType! : this;

    /// <summary>SDL notation: <c>[Post!]!</c>.</summary>
    public override string ToString() => Kind switch
    {
        GqlTypeRefKind.Named => Name!,
        GqlTypeRefKind.List => "[" + OfType + "]",
        _ => OfType + "!",
    };
}

/// <summary>The kinds of type references.</summary>
public enum GqlTypeRefKind
{
    Named,
    List,
    NonNull,
}
