using System.Text.RegularExpressions;

namespace Engine.Metadata.Validation;

/// <summary>The syntax of names in the metadata format (SPEC §1).</summary>
internal static partial class NamePatterns
{
    /// <summary>PascalCase resource (and plural) name.</summary>
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]{0,62}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Resource();

    /// <summary>camelCase field name.</summary>
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]{0,62}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Field();

    /// <summary>An enum value that is a valid GraphQL enum value and protobuf enum value name.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*\z", RegexOptions.CultureInvariant)]
    public static partial Regex EnumValue();
}
