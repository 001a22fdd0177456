using Engine.Grpc.Serving;
using Engine.Grpc.Tests.Descriptors;
using Engine.Metadata.Model;
using Engine.Runtime;

namespace Engine.Grpc.Tests.Serving;

public class GrpcServicesCompilerTests
{
    [Fact]
    public void Compile_ReusesAResourcesPartWhileItsModelObjectIsUnchanged()
    {
        using var services = UnmappedCalls.Services();
        var endpoints = new ResourceServiceEndpoints(services, UnmappedCalls.Calls());
        var compiler = new GrpcServicesCompiler(endpoints);
        var first = (GrpcServices)compiler.Compile(CatalogModel.Schema, null);
        var previous = new EngineSnapshot(CatalogModel.Schema, new Dictionary<Type, object> { [typeof(GrpcServices)] = first });
        var rebuilt = CatalogModel.Build(CatalogModel.Definitions(), version: 2);
        var next = new SchemaModel(2, rebuilt.DataSchema,
            rebuilt.Resources.Select(r => r.Name == "Maker" ? r : CatalogModel.Schema.Resource(r.Name)!).ToArray());

        var second = (GrpcServices)compiler.Compile(next, previous);

        Assert.Same(first.Resources["Item"], second.Resources["Item"]);
        Assert.NotSame(first.Resources["Maker"], second.Resources["Maker"]);
        Assert.Contains(endpoints.Endpoints, e => e.DisplayName!.Contains("MakerService", StringComparison.Ordinal));
    }
}
