using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation;

/// <summary>
/// Resources by a key that is almost always unique (a name ignoring case, a plural): one dictionary for the first
/// resource per key and a short list for the rare repeats, cheaper to build than a lookup of groups.
/// </summary>
internal sealed class ResourceLookup
{
    private readonly Dictionary<string, ResourceDefinition> first;
    private readonly StringComparer comparer;
    private List<(string Key, ResourceDefinition Resource)>? repeats;

    public ResourceLookup(IReadOnlyList<ResourceDefinition> resources, Func<ResourceDefinition, string> key, StringComparer comparer)
    {
        this.comparer = comparer;
        first = new Dictionary<string, ResourceDefinition>(resources.Count, comparer);
        foreach (var resource in resources)
        {
            var k = key(resource);
            if (!first.TryAdd(k, resource))
            {
                (repeats ??= []).Add((k, resource));
            }
        }
    }

    /// <summary>Every resource with this key.</summary>
    public IEnumerable<ResourceDefinition> this[string key]
    {
        get
        {
            if (!first.TryGetValue(key, out var found))
            {
                yield break;
            }

            yield return found;
            foreach (var (k, resource) in repeats ?? [])
            {
                if (comparer.Equals(k, key))
                {
                    yield return resource;
                }
            }
        }
    }
}
