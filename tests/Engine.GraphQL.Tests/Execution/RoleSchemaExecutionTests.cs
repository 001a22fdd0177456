using System.Buffers;
using System.Text;
using Engine.GraphQL.Execution;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Tests.Schema.Roles;
using Engine.Query.Context;
using Engine.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.GraphQL.Tests.Execution;

public class RoleSchemaExecutionTests
{
    private static readonly EngineSnapshot Snapshot = new(RoleModels.Model.Model, new Dictionary<Type, object> { [typeof(GraphQLModel)] = RoleModels.Model });

    private readonly RecordingPlanExecutor plans = new();
    private readonly DocumentCache cache = new(16);

    [Fact]
    public async Task ExecuteAsync_IntrospectionByReader_ListsOnlyReadableFieldsAndRootFields()
    {
        var json = await RunAsync("{ __type(name: \"Post\") { fields { name } } __schema { mutationType { name } queryType { fields { name } } } }", "reader");

        Assert.Contains("\"fields\":[{\"name\":\"id\"},{\"name\":\"title\"},{\"name\":\"author\"}]", json);
        Assert.Contains("\"mutationType\":null", json);
        Assert.Contains("{\"name\":\"posts\"}", json);
    }

    [Fact]
    public async Task ExecuteAsync_IntrospectionByAnonymous_QueryHasOnlyTheVersionField()
    {
        var json = await RunAsync("{ __schema { queryType { fields { name } } } __type(name: \"Post\") { name } }", RequestContext.AnonymousRole);

        Assert.Equal("{\"data\":{\"__schema\":{\"queryType\":{\"fields\":[{\"name\":\"_version\"}]}},\"__type\":null}}", json);
    }

    [Fact]
    public async Task ExecuteAsync_ReaderSelectsAFieldItCannotRead_FailsValidationWithoutRunning()
    {
        var json = await RunAsync("{ posts { title views } }", "reader");

        Assert.Contains("Cannot query field \\u0022views\\u0022 on type \\u0022Post\\u0022", json.Replace("\\\"", "\\u0022", StringComparison.Ordinal));
        Assert.Empty(plans.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_ReaderFiltersOnAFieldItCannotRead_FailsValidation()
    {
        var json = await RunAsync("{ posts(where: { views_gt: 1 }) { title } }", "reader");

        Assert.Contains("views_gt", json);
        Assert.Contains("is not defined by type", json);
        Assert.Empty(plans.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_SameQueryAsAdminAfterReader_ValidatesAgainstTheFullSchema()
    {
        await RunAsync("{ posts { views } }", "reader");
        plans.Returns("posts", "[]");

        var json = await RunAsync("{ posts { views } }", RequestContext.AdminRole);

        Assert.Equal("{\"data\":{\"posts\":[]}}", json);
    }

    private async Task<string> RunAsync(string query, string role)
    {
        var executor = new GraphQLExecutor(plans, cache, PlanningLimits.Default, NullLogger<GraphQLExecutor>.Instance);
        var context = new RequestContext("user-1", [role], new Dictionary<string, string>());
        var result = await executor.ExecuteAsync(new GraphQLRequest(query, null, null), Snapshot, context, allowMutations: true, CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        result.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
