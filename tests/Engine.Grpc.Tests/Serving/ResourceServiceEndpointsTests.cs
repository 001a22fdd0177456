using Engine.Grpc.Serving;
using Engine.Grpc.Tests.Descriptors;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Grpc.Tests.Serving;

public sealed class ResourceServiceEndpointsTests : IDisposable
{
    private readonly ServiceProvider services = UnmappedCalls.Services();
    private readonly ResourceServiceEndpoints endpoints;

    public ResourceServiceEndpointsTests() => endpoints = new ResourceServiceEndpoints(services, UnmappedCalls.Calls());

    public void Dispose() => services.Dispose();

    [Fact]
    public void Publish_MapsEveryMethodOfEveryResource_AndFiresTheChangeToken()
    {
        var token = endpoints.GetChangeToken();
        endpoints.Publish(CatalogModel.Schema.Resources);

        Assert.True(token.HasChanged);
        var patterns = Patterns();
        Assert.Contains("/engine.data.v1.ItemService/GetItem", patterns);
        Assert.Contains("/engine.data.v1.ItemService/ListItems", patterns);
        Assert.Contains("/engine.data.v1.ItemService/WatchItems", patterns);
        Assert.Contains("/engine.data.v1.MakerService/DeleteMaker", patterns);
        // The application maps the catch-all for unknown services once; these endpoints must not repeat it.
        Assert.DoesNotContain(patterns, p => p.StartsWith('{'));
    }

    [Fact]
    public void Publish_RemovesServicesOfRemovedResources_AndKeepsUnchangedOnes()
    {
        endpoints.Publish(CatalogModel.Schema.Resources);
        var item = endpoints.Endpoints.Where(e => Pattern(e).Contains("ItemService", StringComparison.Ordinal)).ToArray();
        var token = endpoints.GetChangeToken();

        endpoints.Publish(CatalogModel.Schema.Resources.Where(r => r.Name != "Maker").ToArray());

        Assert.True(token.HasChanged);
        Assert.DoesNotContain(Patterns(), p => p.Contains("MakerService", StringComparison.Ordinal));
        Assert.Equal(item, endpoints.Endpoints.Where(e => Pattern(e).Contains("ItemService", StringComparison.Ordinal)));
    }

    private string[] Patterns() => endpoints.Endpoints.Select(Pattern).ToArray();

    private static string Pattern(Microsoft.AspNetCore.Http.Endpoint endpoint) => ((RouteEndpoint)endpoint).RoutePattern.RawText!;
}
