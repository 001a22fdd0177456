using System.Diagnostics.Metrics;

namespace Engine.Runtime.Diagnostics;

/// <summary>The metadata runtime's metrics (meter <see cref="MeterName"/>): snapshot compile time and the metadata version served.</summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's name, for the host's metrics pipeline.</summary>
    public const string MeterName = "Engine.Runtime";

    private static readonly Meter Meter = new(MeterName);

    private static long servedVersion = -1;

    private static readonly Histogram<double> CompileDuration = Meter.CreateHistogram(
        "engine.snapshot.compile.duration", "s", "Time to compile a metadata version into a snapshot.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly ObservableGauge<long> Version = Meter.CreateObservableGauge(
        "engine.metadata.version", ObservedVersion, "{version}", "The metadata version this process serves (absent until one is loaded).");

    /// <summary>Records a snapshot installed for <paramref name="version"/> after compiling for <paramref name="elapsed"/>.</summary>
    public static void SnapshotInstalled(long version, TimeSpan elapsed)
    {
        CompileDuration.Record(elapsed.TotalSeconds);
        Interlocked.Exchange(ref servedVersion, version);
    }

    private static IEnumerable<Measurement<long>> ObservedVersion()
    {
        var version = Interlocked.Read(ref servedVersion);
        return version < 0 ? [] : [new Measurement<long>(version)];
    }
}
