namespace Engine.Grpc.Codec;

/// <summary>A decoded request, or the violations that make it INVALID_ARGUMENT; never both.</summary>
/// <typeparam name="T">The decoded input.</typeparam>
public sealed class CodecResult<T>
    where T : class
{
    private CodecResult(T? value, IReadOnlyList<FieldViolation> violations)
    {
        Value = value;
        Violations = violations;
    }

    /// <summary>The decoded input; null when there are violations.</summary>
    public T? Value { get; }

    /// <summary>Everything wrong with the input; empty when it decoded.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>True when the input decoded without violations.</summary>
    public bool IsValid => Value is not null;

    /// <summary>A decoded input.</summary>
    public static CodecResult<T> Success(T value) => new(value, []);

    /// <summary>A rejected input.</summary>
    public static CodecResult<T> Failure(IReadOnlyList<FieldViolation> violations) => new(null, violations);
}
