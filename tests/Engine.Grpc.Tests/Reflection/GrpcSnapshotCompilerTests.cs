using Engine.Grpc.Descriptors;
using Engine.Grpc.Reflection;
using Engine.Grpc.Tests.Descriptors;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;

namespace Engine.Grpc.Tests.Reflection;

public class GrpcSnapshotCompilerTests
{
    [Fact]
    public void Compile_Catalog_BuildsEveryResourceAndIndexesItsFile()
    {
        var model = new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null);
        Assert.Equal(["Item", "Maker", "Review", "Tag", "Bundle"], model.Resources.Keys);
        Assert.Same(model.Resources["Item"].File, model.Registry.FileByName("engine/data/v1/item.proto"));
        Assert.Equal(model.Resources["Item"].Descriptors.Bytes, model.Registry.FileByName("engine/data/v1/item.proto")!.Bytes);
    }

    [Theory]
    [InlineData("engine.data.v1.ItemService")]
    [InlineData("engine.data.v1.ItemService.ListItems")]
    [InlineData("engine.data.v1.Item")]
    [InlineData("engine.data.v1.Item.Status")]
    [InlineData("engine.data.v1.ItemEvent.Type")]
    [InlineData("engine.data.v1.UpdateItemRequest")]
    public void Registry_SymbolOfAResource_IsInItsFile(string symbol)
    {
        var model = new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null);
        Assert.Equal("engine/data/v1/item.proto", model.Registry.FileContainingSymbol(symbol)?.Name);
    }

    [Fact]
    public void Registry_WellKnownTypes_AreRegisteredWithTheirSymbols()
    {
        var registry = new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null).Registry;
        Assert.Equal("google/protobuf/timestamp.proto", registry.FileContainingSymbol("google.protobuf.Timestamp")?.Name);
        Assert.Equal("google/protobuf/struct.proto", registry.FileContainingSymbol("google.protobuf.Struct")?.Name);
        Assert.NotNull(registry.FileByName("google/protobuf/empty.proto"));
        Assert.Null(registry.FileContainingSymbol("engine.data.v1.Nope"));
        Assert.Null(registry.FileByName("engine/data/v1/nope.proto"));
    }

    [Fact]
    public void Registry_WithDependencies_ListsTheFileFirstThenEachImportOnce()
    {
        var registry = new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null).Registry;
        var files = registry.WithDependencies(registry.FileByName("engine/data/v1/item.proto")!)
            .Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name);
        Assert.Equal(
            ["engine/data/v1/item.proto", "google/protobuf/empty.proto", "google/protobuf/field_mask.proto",
             "google/protobuf/struct.proto", "google/protobuf/timestamp.proto"],
            files);
    }

    [Fact]
    public void Compile_ServedFiles_AreListedAndDescribedWithTheirImports()
    {
        var registry = new GrpcSnapshotCompiler(servedFiles: [HealthReflection.Descriptor]).Build(CatalogModel.Schema, previous: null).Registry;
        Assert.Equal(
            ["engine.data.v1.ItemService", "engine.data.v1.MakerService", "engine.data.v1.ReviewService",
             "engine.data.v1.TagService", "engine.data.v1.BundleService", "grpc.health.v1.Health"],
            registry.Services);
        Assert.Equal(HealthReflection.Descriptor.Name, registry.FileContainingSymbol("grpc.health.v1.Health.Check")?.Name);
    }

    [Fact]
    public void Compile_ReservedProvider_ReservesNumbersOfTheResource()
    {
        var compiler = new GrpcSnapshotCompiler(reserved: r => r.Name == "Item" ? CatalogModel.ItemReserved : ReservedFields.None);
        var model = compiler.Build(CatalogModel.Schema, previous: null);
        Assert.Equal(2, model.Resources["Item"].Descriptors.Proto.MessageType[0].ReservedRange.Count);
        Assert.Empty(model.Resources["Maker"].Descriptors.Proto.MessageType[0].ReservedRange);
    }

    [Fact]
    public void Compile_ModelWithRemovedFields_ReservesTheirNumbersAndMessageNames()
    {
        var definitions = CatalogModel.Definitions();
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        RemovedField[] removed = [new(10, "title"), new(6, "oldPrice"), new(9, "legacyCode")];
        var item = SchemaModelBuilder.BuildResource(byName["Item"], byName, removed);
        var schema = new SchemaModel(1, SchemaModelBuilder.DefaultDataSchema,
            CatalogModel.Schema.Resources.Select(r => r.Name == "Item" ? item : r).ToArray());

        var message = new GrpcSnapshotCompiler().Build(schema, previous: null).Resources["Item"].Descriptors.Proto.MessageType[0];

        Assert.Equal([(6, 7), (9, 11)], message.ReservedRange.Select(r => (r.Start, r.End)));
        // "title" is a current field's name again, so only its number stays reserved.
        Assert.Equal(["legacy_code", "old_price"], message.ReservedName);
        Assert.Empty(new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null).Resources["Item"].Descriptors.Proto.MessageType[0].ReservedRange);
    }

    [Fact]
    public void Compile_NextVersion_ReusesPartsOfUnchangedResourcesByReference()
    {
        var compiler = new GrpcSnapshotCompiler();
        var first = compiler.Build(CatalogModel.Schema, previous: null);
        var definitions = CatalogModel.Definitions().ToList();
        var maker = definitions.Single(d => d.Name == "Maker");
        definitions[definitions.IndexOf(maker)] = maker with
        {
            Fields = [.. maker.Fields, new FieldDefinition { Name = "country", Type = FieldTypes.String, Number = 5 }],
        };

        // The runtime keeps unchanged ResourceModel objects; model that by taking them from the first version.
        var rebuilt = CatalogModel.Build(definitions, version: 2);
        var next = new SchemaModel(2, rebuilt.DataSchema,
            rebuilt.Resources.Select(r => r.Name == "Maker" ? r : CatalogModel.Schema.Resource(r.Name)!).ToArray());
        var second = compiler.Build(next, first);

        Assert.Same(first.Resources["Item"], second.Resources["Item"]);
        Assert.Same(first.Resources["Tag"], second.Resources["Tag"]);
        Assert.NotSame(first.Resources["Maker"], second.Resources["Maker"]);
        Assert.NotSame(first.Registry, second.Registry);
        Assert.NotNull(second.Resources["Maker"].Descriptors.Message.FindFieldByName("country"));
        Assert.Null(first.Resources["Maker"].Descriptors.Message.FindFieldByName("country"));
        Assert.Same(second.Resources["Maker"].File, second.Registry.FileContainingSymbol("engine.data.v1.Maker"));
    }
}
