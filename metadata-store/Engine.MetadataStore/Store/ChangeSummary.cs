namespace Engine.MetadataStore.Store;

/// <summary>The one-line summary of a version in the history: <c>put Invoice: added fields total, status</c>.</summary>
internal static class ChangeSummary
{
    public static string Describe(MetadataChange change, ChangeSet changes) => change switch
    {
        PutResource put => $"put {put.Definition.Name}: {Resource(changes.Resources.First(r => r.Name == put.Definition.Name))}",
        DeleteResource delete => $"deleted {delete.Name}" + Others(changes, delete.Name),
        ApplyDocument => "applied document: " + Document(changes),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static string Resource(ResourceChange change)
    {
        if (change.Created)
        {
            return "created";
        }

        var parts = new List<string>();
        AddList(parts, "added fields", change.AddedFields);
        AddList(parts, "removed fields", change.RemovedFields);
        AddList(parts, "changed fields", change.ChangedFields);
        return parts.Count == 0 ? "changed definition" : string.Join("; ", parts);
    }

    // A forced delete also removes the relation fields other resources had to the deleted one.
    private static string Others(ChangeSet changes, string deleted)
    {
        var others = changes.Altered.Where(r => r.Name != deleted).Select(r => $"{r.Name} {Resource(r)}").ToArray();
        return others.Length == 0 ? "" : "; " + string.Join("; ", others);
    }

    private static string Document(ChangeSet changes)
    {
        var parts = new List<string>();
        AddList(parts, "created", changes.Created.Select(r => r.Name).ToArray());
        AddList(parts, "changed", changes.Altered.Select(r => r.Name).ToArray());
        AddList(parts, "deleted", changes.Deleted.Select(r => r.Name).ToArray());
        return string.Join("; ", parts);
    }

    private static void AddList(List<string> parts, string label, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            parts.Add(label + " " + string.Join(", ", names));
        }
    }
}
