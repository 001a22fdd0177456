using System.Buffers;
using System.Text;
using System.Text.Json;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Tests.Planning;
using Engine.Query.Context;
using Engine.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.GraphQL.Tests.Execution;

/// <summary>Runs requests through a <see cref="GraphQLExecutor"/> over the planning fixture's model and a recording plan executor.</summary>
internal sealed class ExecutorFixture
{
    public static readonly EngineSnapshot Snapshot = new(
        PlanningFixture.Model,
        new Dictionary<Type, object> { [typeof(GraphQLModel)] = GraphQLSnapshotCompiler.Compile(PlanningFixture.Model, null) });

    public RecordingPlanExecutor Plans { get; } = new();

    public DocumentCache Cache { get; } = new(16);

    public GraphQLExecutor Executor => new(Plans, Cache, PlanningLimits.Default, NullLogger<GraphQLExecutor>.Instance);

    /// <summary>Executes and returns the result with its response text.</summary>
    public async Task<(GraphQLResult Result, string Json)> RunAsync(string query, string? variables = null, bool allowMutations = true)
    {
        JsonElement? json = variables is null ? null : JsonDocument.Parse(variables).RootElement;
        var result = await Executor.ExecuteAsync(new GraphQLRequest(query, null, json), Snapshot, RequestContext.System, allowMutations, CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        result.WriteTo(buffer);
        return (result, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
