using System.Collections.Frozen;

namespace Engine.GraphQL.Schema;

/// <summary>A directive the schema supports (introspection's <c>__Directive</c>).</summary>
public sealed class GqlDirective
{
    /// <summary>Builds a directive.</summary>
    public GqlDirective(string name, string description, IReadOnlyList<string> locations, IReadOnlyList<GqlInputField> arguments,
        bool isRepeatable = false)
    {
        Name = name;
        Description = description;
        Locations = locations;
        Arguments = arguments;
        ArgumentsByName = arguments.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        IsRepeatable = isRepeatable;
    }

    /// <summary>The name without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>Shown in introspection.</summary>
    public string Description { get; }

    /// <summary><c>__DirectiveLocation</c> names, e.g. <c>FIELD</c>.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>Arguments in declared order.</summary>
    public IReadOnlyList<GqlInputField> Arguments { get; }

    /// <summary>Arguments by name.</summary>
    public FrozenDictionary<string, GqlInputField> ArgumentsByName { get; }

    /// <summary>True when the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>The directives of the GraphQL specification (October 2021): skip, include, deprecated, specifiedBy.</summary>
    public static readonly IReadOnlyList<GqlDirective> Standard =
    [
        new("include", "Directs the executor to include this field or fragment only when the `if` argument is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
            [new GqlInputField("if", GqlTypeRef.NonNullNamed(ScalarTypes.Boolean), "Included when true.")]),
        new("skip", "Directs the executor to skip this field or fragment when the `if` argument is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
            [new GqlInputField("if", GqlTypeRef.NonNullNamed(ScalarTypes.Boolean), "Skipped when true.")]),
        new("deprecated", "Marks an element of a GraphQL schema as no longer supported.",
            ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"],
            [new GqlInputField("reason", GqlTypeRef.Named(ScalarTypes.String),
                "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data.",
                "\"No longer supported\"")]),
        new("specifiedBy", "Exposes a URL that specifies the behavior of this scalar.",
            ["SCALAR"],
            [new GqlInputField("url", GqlTypeRef.NonNullNamed(ScalarTypes.String), "The URL that specifies the behavior of this scalar.")]),
    ];

    /// <summary><see cref="Standard"/> by name.</summary>
    public static readonly FrozenDictionary<string, GqlDirective> StandardByName =
        Standard.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
}
