using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Planning;

/// <summary>
/// A coerced input object: the fields the caller gave (explicit nulls included) plus fields filled from defaults,
/// in the type's declared order. Scalars inside are CLR values, enum values are <see cref="GqlEnumValue"/>, lists are
/// <see cref="InputListValue"/>.
/// </summary>
internal sealed record InputObjectValue(GqlInputObjectType Type, IReadOnlyList<InputFieldValue> Fields);

/// <summary>One given field of an <see cref="InputObjectValue"/> and where it sits in the input.</summary>
internal sealed record InputFieldValue(GqlInputField Field, object? Value, InputPath Path);

/// <summary>A coerced input list.</summary>
internal sealed record InputListValue(IReadOnlyList<object?> Items);

/// <summary>Marks an input the caller left out (as opposed to an explicit null).</summary>
internal sealed class AbsentValue
{
    /// <summary>The one instance.</summary>
    public static readonly AbsentValue Instance = new();

    private AbsentValue()
    {
    }
}
