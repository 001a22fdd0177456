using Engine.Grpc.Listing;
using Engine.Grpc.Serving;
using Engine.Grpc.Watching;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Runtime;
using Engine.Runtime.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Grpc.Tests.Serving;

/// <summary>What mapping services needs, for tests that map them without calling them.</summary>
internal static class UnmappedCalls
{
    public static ServiceProvider Services() => new ServiceCollection().AddLogging().AddGrpc().Services.BuildServiceProvider();

    public static ResourceCalls Calls() => new(
        new SnapshotHolder(),
        new UnusedExecutor(),
        new ClaimsRequestContextProvider(),
        PageSizeRules.Standard,
        new WatchStreams(new SnapshotHolder(), NullLogger<WatchStreams>.Instance),
        NullLogger<ResourceCalls>.Instance);

    /// <summary>Mapping never runs a call.</summary>
    private sealed class UnusedExecutor : IPlanExecutor
    {
        public Task<IReadOnlyList<PlanResult>> QueryAsync(SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no call expected");

        public Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no call expected");
    }
}
