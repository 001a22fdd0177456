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
    /// <summary>Builds an enum over values in order.</summary>
    public GqlEnumType(string name, string? description, IReadOnlyList<GqlEnumValue> values, EnumBinding? binding = null)
        : base(name, description)
    {
        Values = values;
        ValuesByName = values.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);
        Binding = binding;
    }

    /// <inheritdoc/>
    public override string Kind => "ENUM";

    /// <summary>Values in declared order.</summary>
    public IReadOnlyList<GqlEnumValue> Values { get; }

    /// <summary>Values by name.</summary>
    public FrozenDictionary<string, GqlEnumValue> ValuesByName { get; }

    /// <summary>What the enum means to the planner (an order-by or a field's value set); null for plain enums.</summary>
    public EnumBinding? Binding { get; }
}

/// <summary>One enum value; <see cref="Binding"/> tells the planner what it means (e.g. an <c>OrderBy</c>).</summary>
public sealed record GqlEnumValue(string Name, string? Description = null, object? Binding = null);

/// <summary>An input object type (WhereInput, CreateInput, ...).</summary>
public sealed class GqlInputObjectType : GqlNamedType
{
    /// <summary>Builds an input object over fields in order.</summary>
    public GqlInputObjectType(string name, string? description, IReadOnlyList<GqlInputField> fields, InputObjectBinding? binding = null)
        : base(name, description)
    {
        Fields = fields;
        FieldsByName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        Binding = binding;
    }

    /// <inheritdoc/>
    public override string Kind => "INPUT_OBJECT";

    /// <summary>Fields in declared order.</summary>
    public IReadOnlyList<GqlInputField> Fields { get; }

    /// <summary>Fields by name.</summary>
    public FrozenDictionary<string, GqlInputField> FieldsByName { get; }

    /// <summary>What the input object means to the planner; null for plain ones.</summary>
    public InputObjectBinding? Binding { get; }
}

/// <summary>An output object type (a resource, a connection, a payload, or a root operation type).</summary>
public sealed class GqlObjectType : GqlNamedType
{
    /// <summary>Builds an object type over fields in order.</summary>
    public GqlObjectType(string name, string? description, IReadOnlyList<GqlField> fields)
        : base(name, description)
    {
        Fields = fields;
        FieldsByName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public override string Kind => "OBJECT";

    /// <summary>Fields in declared order.</summary>
    public IReadOnlyList<GqlField> Fields { get; }

    /// <summary>Fields by name.</summary>
    public FrozenDictionary<string, GqlField> FieldsByName { get; }
}
