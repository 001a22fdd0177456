using System.Collections.Frozen;

namespace Engine.GraphQL.Schema;

/// <summary>A field of an output object type, with its arguments and what it means to the planner.</summary>
public sealed class GqlField
{
    private FrozenDictionary<string, GqlInputField>? argumentsByName;

    /// <summary>Builds a field.</summary>
    public GqlField(string name, GqlTypeRef type, string? description = null, IReadOnlyList<GqlInputField>? arguments = null,
        FieldBinding? binding = null, string? deprecationReason = null)
    {
        Name = name;
        Type = type;
        Description = description;
        Arguments = arguments ?? [];
        Binding = binding;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }
    public GqlTypeRef Type { get; }
    public string? Description { get; }
    public IReadOnlyList<GqlInputField> Arguments { get; }
    /// <summary>Arguments by name (built on first use).</summary>
    public FrozenDictionary<string, GqlInputField> ArgumentsByName =>
        argumentsByName ?? LazyLookup.Init(ref argumentsByName, Arguments, a => a.Name);

    /// <summary>What this field is: a resource field, a root operation, a connection part, ...</summary>
    public FieldBinding? Binding { get; }

    public string? DeprecationReason { get; }

    /// <inheritdoc/>
    public override string ToString() => Name + ": " + Type;
}

/// <summary>An argument or an input object field.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its input type.</param>
/// <param name="Description">Shown in introspection.</param>
/// <param name="DefaultValue">The default in GraphQL literal syntax (introspection's <c>defaultValue</c>), or null.</param>
/// <param name="Binding">What the input field means to the planner (e.g. a where operator on a field).</param>
public sealed record GqlInputField(string Name, GqlTypeRef Type, string? Description = null, string? DefaultValue = null, object? Binding = null)
{
    /// <inheritdoc/>
    public override string ToString() => Name + ": " + Type;
}
