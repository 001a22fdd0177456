using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Metadata.Validation;

/// <summary>
/// Every resource of one validation run, indexed once so that checking one resource against thousands of others
/// costs lookups, not scans.
/// </summary>
internal sealed class MetadataIndex
{
    private readonly Dictionary<string, ResourceDefinition> byName;
    private readonly Dictionary<string, ResourceDefinition>.AlternateLookup<ReadOnlySpan<char>> byNameSpan;
    private readonly ResourceLookup byNameIgnoringCase;
    private ResourceLookup? byPlural;

    public MetadataIndex(IReadOnlyList<ResourceDefinition> resources)
    {
        Resources = resources;
        byName = new Dictionary<string, ResourceDefinition>(resources.Count, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            byName.TryAdd(resource.Name, resource);
        }

        byNameSpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        byNameIgnoringCase = new ResourceLookup(resources, r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All resources in their given order.</summary>
    public IReadOnlyList<ResourceDefinition> Resources { get; }

    /// <summary>The resource with exactly this name, or null.</summary>
    public ResourceDefinition? Find(string? name) => name is null ? null : byName.GetValueOrDefault(name);

    /// <summary>The resource with exactly this name, or null; allocation-free for prefix probing.</summary>
    public ResourceDefinition? Find(ReadOnlySpan<char> name) => byNameSpan.TryGetValue(name, out var found) ? found : null;

    /// <summary>Resources whose name equals <paramref name="name"/> ignoring case.</summary>
    public IEnumerable<ResourceDefinition> WithNameIgnoringCase(string name) => byNameIgnoringCase[name];

    /// <summary>Resources whose (declared or default) plural is exactly <paramref name="plural"/>.</summary>
    public IEnumerable<ResourceDefinition> WithPlural(string plural)
    {
        byPlural ??= new ResourceLookup(Resources, PluralOf, StringComparer.Ordinal);
        return byPlural[plural];
    }

    /// <summary>Resources whose table is <paramref name="table"/>.</summary>
    public IEnumerable<ResourceDefinition> WithTable(string table) =>
        // snake_case only inserts underscores and lowers letters, so equal tables mean names equal ignoring case.
        byNameIgnoringCase[table.Replace("_", "", StringComparison.Ordinal)]
            .Where(r => NameConventions.ToSnakeCase(r.Name) == table);

    /// <summary>The plural a resource is served under: the declared one, or the English plural of its name.</summary>
    public static string PluralOf(ResourceDefinition resource) =>
        string.IsNullOrEmpty(resource.Plural) ? NameConventions.Pluralize(resource.Name) : resource.Plural;

    /// <summary>
    /// The resolved model of a resource, or null while its fields are too broken to resolve (other rules report why).
    /// </summary>
    public ResourceModel? TryBuildModel(ResourceDefinition resource) =>
        FieldShapes.CanResolve(resource) ? SchemaModelBuilder.BuildResource(resource, byName) : null;

    /// <summary>
    /// The many-to-many relations whose join table is <paramref name="table"/>. A join table is named
    /// <c>&lt;owner table&gt;_&lt;field&gt;</c>, so each underscore is a candidate split, tried with lookups.
    /// </summary>
    public IEnumerable<(ResourceDefinition Owner, string Field)> JoinTablesNamed(string table)
    {
        for (var split = table.IndexOf('_', StringComparison.Ordinal); split > 0; split = table.IndexOf('_', split + 1))
        {
            var fieldPart = table[(split + 1)..];
            foreach (var owner in WithTable(table[..split]))
            {
                var hasCandidate = owner.Fields.Any(f => FieldShapes.IsToMany(f) && NameConventions.ToSnakeCase(f.Name) == fieldPart);
                if (hasCandidate && TryBuildModel(owner) is { } model)
                {
                    foreach (var field in model.Fields)
                    {
                        if (field.Relation is { Kind: RelationKind.ManyToMany } relation && relation.JoinTable == table)
                        {
                            yield return (owner, field.Name);
                        }
                    }
                }
            }
        }
    }
}
