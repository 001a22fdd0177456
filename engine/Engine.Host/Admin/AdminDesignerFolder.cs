namespace Engine.Host.Admin;

/// <summary>Finds the built admin designer: the configured folder, or admin-designer/dist above the content root or working directory.</summary>
public static class AdminDesignerFolder
{
    private static readonly string BuildOutput = Path.Combine("admin-designer", "dist");

    /// <summary>The folder holding index.html, or null when the app has not been built.</summary>
    public static string? Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, contentRoot);
            return HasIndex(path) ? path : null;
        }

        return FindAbove(contentRoot) ?? FindAbove(Directory.GetCurrentDirectory());
    }

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, BuildOutput);
            if (HasIndex(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, "index.html"));
}
