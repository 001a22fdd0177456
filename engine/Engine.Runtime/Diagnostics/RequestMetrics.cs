using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Engine.Runtime.Diagnostics;

/// <summary>
/// The request metrics every protocol records (meter <see cref="MeterName"/>): requests and their duration per protocol,
/// resource and operation, errors per protocol and code, and the open subscriptions (GraphQL subscriptions, gRPC Watch
/// streams). Tags are low-cardinality by construction: a resource name, a fixed operation word, an error code.
/// </summary>
public static class RequestMetrics
{
    /// <summary>The meter's name, for the host's metrics pipeline.</summary>
    public const string MeterName = "Engine.Requests";

    /// <summary>The <c>resource</c> tag of an operation whose root fields read or write several resources.</summary>
    public const string SeveralResources = "(several)";

    /// <summary>The <c>resource</c> tag of an operation that touches no resource (introspection, <c>_version</c>, failed before planning).</summary>
    public const string NoResource = "(none)";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "engine.requests", "{request}", "Requests served, per protocol, resource and operation.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "engine.request.duration", "s", "Time to serve a request, per protocol, resource and operation.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "engine.errors", "{error}", "Errors answered, per protocol and error code.");

    private static readonly UpDownCounter<long> Subscriptions = Meter.CreateUpDownCounter<long>(
        "engine.subscriptions.active", "{subscription}", "Open subscriptions (GraphQL) and Watch streams (gRPC), per protocol.");

    /// <summary>True when something listens, so callers can skip work that only feeds the metrics.</summary>
    public static bool Enabled => Requests.Enabled || Duration.Enabled;

    /// <summary>Records one served request that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void Served(string protocol, string resource, string operation, long startTimestamp)
    {
        var tags = new TagList { { "protocol", protocol }, { "resource", resource }, { "operation", operation } };
        Requests.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    /// <summary>Records one error answered with <paramref name="code"/>.</summary>
    public static void Error(string protocol, string code) =>
        Errors.Add(1, new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("code", code));

    /// <summary>Counts a subscription or Watch stream as open; dispose the result when it ends.</summary>
    public static OpenSubscription SubscriptionOpened(string protocol)
    {
        Subscriptions.Add(1, new KeyValuePair<string, object?>("protocol", protocol));
        return new OpenSubscription(protocol);
    }

    /// <summary>An open subscription, counted until disposed.</summary>
    public readonly struct OpenSubscription(string protocol) : IDisposable
    {
        /// <inheritdoc/>
        public void Dispose() => Subscriptions.Add(-1, new KeyValuePair<string, object?>("protocol", protocol));
    }
}
