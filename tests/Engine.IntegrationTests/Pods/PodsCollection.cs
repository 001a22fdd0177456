namespace Engine.IntegrationTests.Pods;

/// <summary>
/// Multi-process tests: each starts several engine processes, so they run alone, after the parallel collections, and
/// their timings are not disturbed by other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PodsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "pods";
}
