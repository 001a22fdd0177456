using System.Collections.Frozen;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.MetadataStore;

/// <summary>One live resource of the stored metadata: its definition and when it last changed.</summary>
/// <param name="Definition">The definition, every field numbered.</param>
/// <param name="ChangedInVersion">The version that last changed it.</param>
/// <param name="ChangedAt">When that version was made.</param>
/// <param name="ReservedNumbers">Numbers of its removed fields, which must never be given again.</param>
public sealed record StoredResource(
    ResourceDefinition Definition,
    long ChangedInVersion,
    DateTimeOffset ChangedAt,
    IReadOnlyList<FieldNumber> ReservedNumbers)
{
    /// <summary>The resource's name.</summary>
    public string Name => Definition.Name;

    /// <summary>
    /// Per Enum field name, every value number the store ever gave that field (removed values included, so they stay
    /// reserved); <see cref="EnumValueNumbering"/> turns them into the numbers of the current values.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EnumValueNumber>> EnumValueNumbers { get; init; } =
        FrozenDictionary<string, IReadOnlyList<EnumValueNumber>>.Empty;
}
