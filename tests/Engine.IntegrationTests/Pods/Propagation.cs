using System.Diagnostics;
using System.Text.Json;

namespace Engine.IntegrationTests.Pods;

/// <summary>Waits for a pod to serve a resource and summarizes how long propagation took.</summary>
internal static class Propagation
{
    /// <summary>The bound of issue 5's tests: other pods serve a change within 5 s (the target is under 1 s).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Definition of a small resource for propagation tests.</summary>
    public static string Gadget(string name) => $$"""
        { "name": "{{name}}", "fields": [ { "name": "title", "type": "String", "required": true }, { "name": "views", "type": "Int" } ] }
        """;

    /// <summary>
    /// Waits until <paramref name="pod"/> answers a GraphQL query and a gRPC call for <paramref name="resource"/>;
    /// fails the test with the pod's output when that takes longer than <see cref="Bound"/> after <paramref name="since"/>.
    /// </summary>
    public static async Task WaitUntilServedAsync(PodProcess pod, string resource, Stopwatch since)
    {
        while (!(await pod.ServesGraphQLAsync(resource) && await pod.ServesGrpcAsync(resource)))
        {
            if (since.Elapsed > Bound)
            {
                Assert.Fail($"{pod.Name} did not serve {resource} within {Bound.TotalSeconds} s (readyz version {await pod.ReadyVersionAsync()})\n{pod.OutputTail()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>How long <paramref name="pod"/> took to compile each version it installed, read from its log.</summary>
    public static IReadOnlyList<double> CompileMilliseconds(PodProcess pod) =>
        pod.Output.Split('\n')
            .Where(line => line.Contains("\"Category\":\"Engine.Runtime.MetadataRuntime\"", StringComparison.Ordinal))
            .Select(InstallMilliseconds)
            .OfType<double>()
            .ToArray();

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1) of <paramref name="samples"/>.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double? InstallMilliseconds(string logLine)
    {
        using var entry = JsonDocument.Parse(logLine);
        return entry.RootElement.TryGetProperty("State", out var state) && state.TryGetProperty("Milliseconds", out var milliseconds)
            ? milliseconds.GetDouble()
            : null;
    }
}
