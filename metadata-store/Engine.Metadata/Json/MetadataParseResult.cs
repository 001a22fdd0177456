using System.Diagnostics.CodeAnalysis;
using Engine.Metadata.Validation;

namespace Engine.Metadata.Json;

/// <summary>The outcome of parsing metadata JSON: the value, or the errors (with paths) that prevented it.</summary>
/// <typeparam name="T">A resource definition or a whole document.</typeparam>
/// <param name="Value">The parsed value; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Why the JSON was rejected, each with the path of the offending value (<c>fields[0].maxLen</c>).</param>
public sealed record MetadataParseResult<T>(T? Value, IReadOnlyList<ValidationError> Errors)
    where T : class
{
    /// <summary>True when the JSON was read into <see cref="Value"/>.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    internal static MetadataParseResult<T> Failed(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
