using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Grpc;

/// <summary>
/// An independent client: Node.js @grpc/grpc-js with grpc-js-reflection-client (npm) discovers a resource defined a
/// moment before through server reflection and creates, reads, lists (filter, order, paging), updates and deletes.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcJsClientTests(EngineServer engine)
{
    [Fact]
    public async Task CheckCrud_ResourceDefinedJustBefore_GrpcJsDiscoversItAndRunsEveryRpc()
    {
        var name = UniqueNames.Resource("Shelf");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String", "required": true }, { "name": "rank", "type": "Int" } ] }
            """);

        var (exitCode, output) = await NodeClient.RunAsync(AdminAccess.NodeEnvironment(engine.AdminToken), "grpc-js", "check-crud.mjs", engine.GrpcAddress.Authority, name);

        Assert.True(exitCode == 0, output);
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("ok   ", output, StringComparison.Ordinal);
    }
}
