using System.Text.Json;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Probes;

/// <summary>The host's probes (engine/Engine.Host/Health). The folder is not named Health: that would hide Grpc.Health.V1.Health.</summary>
[Collection(EngineCollection.Name)]
public sealed class HealthEndpointsTests(EngineServer engine)
{
    [Fact]
    public async Task Healthz_Running_AnswersOk()
    {
        Assert.Equal("ok", await engine.Http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Readyz_MetadataLoaded_ReportsStatusAndServedVersionAsJson()
    {
        var name = UniqueNames.Resource("Probe");
        var version = await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "title", "type": "String" } ] }""");

        using var response = await engine.Http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        // Other tests of the collection may have made newer versions meanwhile, never older ones.
        Assert.True(body.RootElement.GetProperty("metadataVersion").GetInt64() >= version);
        Assert.False(body.RootElement.TryGetProperty("reason", out _));
    }
}
