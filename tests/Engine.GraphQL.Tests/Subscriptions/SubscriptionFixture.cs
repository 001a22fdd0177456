using System.Text.Json;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Subscriptions;
using Engine.GraphQL.Tests.Execution;
using Engine.GraphQL.Tests.Planning;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Runtime;
using Engine.Runtime.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.GraphQL.Tests.Subscriptions;

/// <summary>
/// Runs subscriptions of the planning fixture's blog model through a <see cref="SubscriptionExecutor"/> over an in-memory
/// feed and a recording plan executor; the messages go to a <see cref="RecordingSink"/>.
/// </summary>
internal sealed class SubscriptionFixture : IDisposable
{
    private readonly ServiceProvider services;

    public SubscriptionFixture(int feedCapacity = 64)
    {
        Feed = new InMemoryRecordEventFeed(feedCapacity);
        Snapshots.TrySwap(ExecutorFixture.Snapshot);
        services = new ServiceCollection().AddSingleton<IRecordEventFeed>(Feed).BuildServiceProvider();
        Executor = new SubscriptionExecutor(Plans, Snapshots, new DocumentCache(16), PlanningLimits.Default, services,
            NullLogger<SubscriptionExecutor>.Instance);
    }

    public SnapshotHolder Snapshots { get; } = new();

    public RecordingPlanExecutor Plans { get; } = new();

    public InMemoryRecordEventFeed Feed { get; }

    public SubscriptionExecutor Executor { get; }

    public RecordingSink Sink { get; } = new();

    /// <summary>Plans and starts <paramref name="query"/> as subscription "1"; returns it and its running task.</summary>
    public (ActiveSubscription Subscription, Task Running) Start(string query, string? variables = null)
    {
        JsonElement? json = variables is null ? null : JsonDocument.Parse(variables).RootElement;
        var request = new GraphQLRequest(query, null, json);
        var snapshot = Snapshots.Current;
        var prepared = Executor.Prepare(request, snapshot, RequestContext.System);
        Assert.True(prepared.Plan is not null, string.Join("; ", prepared.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var subscription = Executor.Start("1", request, prepared.Plan!, snapshot, RequestContext.System, Feed, Sink, CancellationToken.None);
        return (subscription, subscription.RunAsync());
    }

    /// <summary>A snapshot of the blog model at <paramref name="version"/>, optionally without its Post and Author resources.</summary>
    public static EngineSnapshot Snapshot(long version, bool withoutBlog = false)
    {
        var model = withoutBlog
            ? SchemaModelBuilder.Build(version, [new ResourceDefinition { Name = "Note", Fields = [new FieldDefinition { Name = "text", Type = FieldTypes.String }] }])
            : SchemaModelBuilder.Build(version, PlanningFixture.Model.Resources.Select(r => r.Definition).ToArray());
        return new EngineSnapshot(model, new Dictionary<Type, object> { [typeof(GraphQLModel)] = GraphQLSnapshotCompiler.Compile(model, null) });
    }

    /// <inheritdoc/>
    public void Dispose() => services.Dispose();
}
