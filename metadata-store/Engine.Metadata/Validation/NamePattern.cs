using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation;

/// <summary>
/// One name a resource generates from its name or plural (<c>&lt;Resource&gt;Edge</c>, <c>List&lt;Plural&gt;Request</c>,
/// camelCased root fields). Patterns are probed from <see cref="GraphQLNames"/> and <see cref="ProtoNames"/>, so they
/// cannot drift from what the schema builders generate, and they invert: the resource that would generate a given
/// name is found with one dictionary lookup instead of generating every resource's names.
/// </summary>
internal sealed class NamePattern
{
    // Probe stems: mixed case and a digit, so no fixed part of a generated name can contain them.
    private const string NameProbe = "Qx7";
    private const string PluralProbe = "Qy8";

    private NamePattern(string kind, string prefix, string suffix, bool fromPlural, bool lowersFirst)
    {
        Kind = kind;
        Prefix = prefix;
        Suffix = suffix;
        FromPlural = fromPlural;
        LowersFirst = lowersFirst;
    }

    /// <summary>GraphQL types of a resource, enum types of its fields excluded (they depend on field names).</summary>
    public static IReadOnlyList<NamePattern> GraphQLTypes { get; } = Probe("GraphQL type", (name, _) => GraphQLNames.TypesOf(name, []));

    /// <summary>Query, Mutation and Subscription fields of a resource, taken as one namespace.</summary>
    public static IReadOnlyList<NamePattern> GraphQLRootFields { get; } = Probe("GraphQL root field", GraphQLNames.RootFieldsOf);

    /// <summary>Messages and the service a resource puts in the shared protobuf package.</summary>
    public static IReadOnlyList<NamePattern> ProtoTypes { get; } = Probe("protobuf name", ProtoNames.TypesOf);

    /// <summary>What the name is, for messages: "GraphQL type", "GraphQL root field", "protobuf name".</summary>
    public string Kind { get; }

    public string Prefix { get; }

    public string Suffix { get; }

    /// <summary>True when the name is built from the plural rather than the name.</summary>
    public bool FromPlural { get; }

    /// <summary>True when the stem's first letter is lowered (root fields).</summary>
    public bool LowersFirst { get; }

    /// <summary>True for the resource's own name (the object type, the message).</summary>
    public bool IsIdentity => Prefix.Length == 0 && Suffix.Length == 0 && !LowersFirst && !FromPlural;

    /// <summary>The name this pattern generates for a resource.</summary>
    public string Apply(string name, string plural)
    {
        var stem = FromPlural ? plural : name;
        return Prefix + (LowersFirst ? NameConventions.ToCamelCase(stem) : stem) + Suffix;
    }

    /// <summary>The name or plural that would generate <paramref name="generated"/> by this pattern, or null.</summary>
    public string? StemOf(string generated)
    {
        if (generated.Length <= Prefix.Length + Suffix.Length
            || !generated.StartsWith(Prefix, StringComparison.Ordinal)
            || !generated.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var stem = generated[Prefix.Length..^Suffix.Length];
        return LowersFirst ? NameConventions.ToPascalCase(stem) : stem;
    }

    private static NamePattern[] Probe(string kind, Func<string, string, IEnumerable<string>> generate) =>
        generate(NameProbe, PluralProbe).Select(generated => Locate(kind, generated)).ToArray();

    private static NamePattern Locate(string kind, string generated)
    {
        foreach (var (probe, fromPlural) in new[] { (NameProbe, false), (PluralProbe, true) })
        {
            foreach (var (form, lowersFirst) in new[] { (probe, false), (NameConventions.ToCamelCase(probe), true) })
            {
                var at = generated.IndexOf(form, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return new NamePattern(kind, generated[..at], generated[(at + form.Length)..], fromPlural, lowersFirst);
                }
            }
        }

        throw new InvalidOperationException($"The generated {kind} '{generated}' is not a prefix and suffix around the resource name or plural.");
    }
}
