using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Watching;

/// <summary>
/// An independent client: Node.js @grpc/grpc-js discovers a resource through server reflection, opens its Watch stream
/// with a filter and receives the create, update and delete it makes itself (tests/clients/grpc-js/check-watch.mjs).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcJsWatchTests(EngineServer engine)
{
    [Fact]
    public async Task CheckWatch_GrpcJsClient_ReceivesFilteredEvents()
    {
        var name = UniqueNames.Resource("Stream");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String", "required": true }, { "name": "rank", "type": "Int" } ] }
            """);

        var (exitCode, output) = await NodeClient.RunAsync(AdminAccess.NodeEnvironment(engine.AdminToken), "grpc-js", "check-watch.mjs", engine.GrpcAddress.Authority, name);

        Assert.True(exitCode == 0, output);
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
    }
}
