using System.Collections.Frozen;

namespace Engine.GraphQL.Schema;

/// <summary>A named type of the schema (introspection's <c>__Type</c> with a name).</summary>
public abstract class GqlNamedType(string name, string? description)
{
    /// <summary>The type's name.</summary>
    public string Name { get; } = name;

    /// <summary>Shown in introspection and GraphiQL.</summary>
    public string? Description { get; } = description;

    /// <summary>Introspection's <c>__TypeKind</c> name: SCALAR, OBJECT, INPUT_OBJECT or ENUM.</summary>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A scalar: the built-ins (ID, String, Int, Float, Boolean) and the engine's (Long, Decimal, DateTime, Date, Json).</summary>
public sealed class GqlScalarType(string name, string? description, string? specifiedByUrl = null) : GqlNamedType(name, description)
{
    /// <inheritdoc/>
    public override string Kind => "SCALAR";

    /// <summary>Introspection's <c>specifiedByURL</c>.</summary>
    public string? SpecifiedByUrl { get; } = specifiedByUrl;
}

/// <summary>An enum type; values are matched by name.</summary>
public sealed class GqlEnumType : GqlNamedType
{
    private FrozenDictionary<string, GqlEnumValue>? valuesByName;

    /// <summary>Builds an enum over values in order.</summary>
    public GqlEnumType(string name, string? description, IReadOnlyList<GqlEnumValue> values, EnumBinding? binding = null)
        : base(name, description)
    {
        Values = values;
        Binding = binding;
    }

    /// <inheritdoc/>
    public override string Kind => "ENUM";

    /// <summary>Values in declared order.</summary>
    public IReadOnlyList<GqlEnumValue> Values { get; }

    /// <summary>Values by name (built on first use: most of a large schema's types are never queried).</summary>
    public FrozenDictionary<string, GqlEnumValue> ValuesByName =>
        valuesByName ?? LazyLookup.Init(ref valuesByName, Values, v => v.Name);

    /// <summary>What the enum means to the planner (an order-by or a field's value set); null for plain enums.</summary>
    public EnumBinding? Binding { get; }
}

/// <summary>One enum value; <see cref="Binding"/> tells the planner what it means (e.g. an <c>OrderBy</c>).</summary>
public sealed record GqlEnumValue(string Name, string? Description = null, object? Binding = null);

/// <summary>An input object type (WhereInput, CreateInput, ...).</summary>
public sealed class GqlInputObjectType : GqlNamedType
{
    private FrozenDictionary<string, GqlInputField>? fieldsByName;

    /// <summary>Builds an input object over fields in order.</summary>
    public GqlInputObjectType(string name, string? description, IReadOnlyList<GqlInputField> fields, InputObjectBinding? binding = null)
        : base(name, description)
    {
        Fields = fields;
        Binding = binding;
    }

    /// <inheritdoc/>
    public override string Kind => "INPUT_OBJECT";

    /// <summary>Fields in declared order.</summary>
    public IReadOnlyList<GqlInputField> Fields { get; }

    /// <summary>Fields by name (built on first use: most of a large schema's inputs are never used).</summary>
    public FrozenDictionary<string, GqlInputField> FieldsByName =>
        fieldsByName ?? LazyLookup.Init(ref fieldsByName, Fields, f => f.Name);

    /// <summary>What the input object means to the planner; null for plain ones.</summary>
    public InputObjectBinding? Binding { get; }
}

/// <summary>An output object type (a resource, a connection, a payload, or a root operation type).</summary>
public sealed class GqlObjectType : GqlNamedType
{
    private FrozenDictionary<string, GqlField>? fieldsByName;

    /// <summary>Builds an object type over fields in order.</summary>
    public GqlObjectType(string name, string? description, IReadOnlyList<GqlField> fields)
        : base(name, description)
    {
        Fields = fields;
    }

    /// <inheritdoc/>
    public override string Kind => "OBJECT";

    /// <summary>Fields in declared order.</summary>
    public IReadOnlyList<GqlField> Fields { get; }

    /// <summary>Fields by name (built on first use).</summary>
    public FrozenDictionary<string, GqlField> FieldsByName =>
        fieldsByName ?? LazyLookup.Init(ref fieldsByName, Fields, f => f.Name);
}

/// <summary>
/// Builds a by-name lookup on first use. A schema of thousands of resources holds tens of thousands of types; building
/// every lookup eagerly would cost most of the schema's memory and build time for types no request touches.
/// </summary>
internal static class LazyLookup
{
    /// <summary>Builds the lookup and publishes it; when threads race, they all return the first one published.</summary>
    public static FrozenDictionary<string, T> Init<T>(ref FrozenDictionary<string, T>? slot, IReadOnlyList<T> items, Func<T, string> key)
    {
        var built = items.ToFrozenDictionary(key, StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref slot, built, null) ?? built;
    }
}
