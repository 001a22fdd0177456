using Engine.Metadata.Model;

namespace Engine.Query.Plans;

/// <summary>The total order of a list: the requested sort keys, then <c>id</c> ascending unless <c>id</c> is already a key.</summary>
public static class SortKeys
{
    /// <summary>The keys rows of <paramref name="resource"/> are sorted by when <paramref name="requested"/> is asked for.</summary>
    public static List<OrderBy> Of(ResourceModel resource, IReadOnlyList<OrderBy> requested)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(requested);
        var keys = new List<OrderBy>(requested.Count + 1);
        var hasId = false;
        foreach (var key in requested)
        {
            keys.Add(key);
            hasId |= ReferenceEquals(key.Field, resource.Id) || key.Field.Name == "id";
        }

        if (!hasId)
        {
            keys.Add(new OrderBy(resource.Id, false));
        }

        return keys;
    }
}
