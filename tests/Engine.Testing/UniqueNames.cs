namespace Engine.Testing;

/// <summary>Makes resource names that no other test uses, so tests sharing a database never collide.</summary>
public static class UniqueNames
{
    private static int counter;

    /// <summary>A PascalCase resource name with the given prefix, e.g. <c>Invoice7f3a2</c>.</summary>
    public static string Resource(string prefix) =>
        prefix + "X" + Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
}
