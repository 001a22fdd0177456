using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.Metadata.Json;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Runtime;
using Engine.Sql.Compiling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Benchmarks;

/// <summary>
/// The engine's own CPU cost per request for the shared harness's four workloads (../shared/bench): everything but
/// HTTP and the database. The plan executor compiles each plan to SQL (as the real one does) and answers with canned
/// JSON, so the numbers are parse-cache lookup + validation-cache lookup + variable coercion + planning + SQL
/// compilation + response writing.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private static readonly string[] Definitions =
    [
        """{ "name": "Author", "fields": [ { "name": "name", "type": "String", "required": true }, { "name": "email", "type": "String", "required": true, "unique": true }, { "name": "posts", "type": "Relation", "target": "Post", "cardinality": "many", "inverse": "author" } ] }""",
        """{ "name": "Post", "fields": [ { "name": "title", "type": "String", "required": true }, { "name": "body", "type": "String" }, { "name": "published", "type": "Boolean", "required": true, "default": false }, { "name": "views", "type": "Int", "required": true, "default": 0 }, { "name": "author", "type": "Relation", "target": "Author", "cardinality": "one", "required": true }, { "name": "comments", "type": "Relation", "target": "Comment", "cardinality": "many", "inverse": "post" } ] }""",
        """{ "name": "Comment", "fields": [ { "name": "body", "type": "String", "required": true }, { "name": "post", "type": "Relation", "target": "Post", "cardinality": "one", "required": true } ] }""",
    ];

    private GraphQLExecutor executor = null!;
    private EngineSnapshot snapshot = null!;
    private GraphQLRequest q1 = null!;
    private GraphQLRequest q2 = null!;
    private GraphQLRequest q3 = null!;
    private GraphQLRequest q4 = null!;
    private readonly ArrayBufferWriter<byte> output = new(4096);

    [GlobalSetup]
    public void Setup()
    {
        var definitions = Definitions.Select(d => MetadataJson.ParseResource(d).Value!).ToArray();
        var model = SchemaModelBuilder.Build(1, definitions);
        var graphQL = GraphQLSnapshotCompiler.Compile(model, null);
        snapshot = new EngineSnapshot(model, new Dictionary<Type, object> { [typeof(GraphQLModel)] = graphQL });
        executor = new GraphQLExecutor(new CompilingPlanExecutor(), new DocumentCache(), new PlanningLimits(1000, 10), NullLogger<GraphQLExecutor>.Instance);
        var id = JsonDocument.Parse("""{ "id": "00000002-0000-7000-8000-000000000001" }""").RootElement;
        var postId = JsonDocument.Parse("""{ "postId": "00000002-0000-7000-8000-000000000001" }""").RootElement;
        q1 = new GraphQLRequest("query Q1($id: ID!) { post(where: {id: $id}) { title views } }", null, id);
        q2 = new GraphQLRequest("query Q2 { posts(where: {published: true}, orderBy: views_DESC, first: 20) { id title views } }");
        q3 = new GraphQLRequest("query Q3 { posts(orderBy: id_ASC, first: 10) { id title author { name } comments(orderBy: id_ASC, first: 5) { id body } } }");
        q4 = new GraphQLRequest("mutation Q4($postId: ID!) { createComment(data: {body: \"Benchmark comment\", post: {connect: {id: $postId}}}) { id } }", null, postId);
    }

    [Benchmark]
    public Task Q1_ById() => RunAsync(q1);

    [Benchmark]
    public Task Q2_FilteredSortedList() => RunAsync(q2);

    [Benchmark]
    public Task Q3_NestedList() => RunAsync(q3);

    [Benchmark]
    public Task Q4_Create() => RunAsync(q4);

    private async Task RunAsync(GraphQLRequest request)
    {
        var result = await executor.ExecuteAsync(request, snapshot, RequestContext.System, allowMutations: true, CancellationToken.None);
        output.ResetWrittenCount();
        result.WriteTo(output);
    }

    /// <summary>Compiles every plan to SQL like the real executor, then answers without a database.</summary>
    private sealed class CompilingPlanExecutor : IPlanExecutor
    {
        private static readonly ReadOnlyMemory<byte> Answer = Encoding.UTF8.GetBytes("""{"title" : "Post 1", "views" : 7907}""");

        public Task<IReadOnlyList<PlanResult>> QueryAsync(SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken)
        {
            var results = new PlanResult[plans.Count];
            for (var i = 0; i < plans.Count; i++)
            {
                GC.KeepAlive(PostgresCompiler.Compile(plans[i], model));
                results[i] = PlanResult.Ok(Answer);
            }

            return Task.FromResult<IReadOnlyList<PlanResult>>(results);
        }

        public Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken)
        {
            GC.KeepAlive(PostgresCompiler.Compile(plan, model));
            return Task.FromResult(PlanResult.Ok(Answer));
        }
    }
}
