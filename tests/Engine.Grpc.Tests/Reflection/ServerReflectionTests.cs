using Engine.Grpc.Reflection;
using Engine.Grpc.Tests.Descriptors;
using Engine.Metadata.Definitions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Engine.Grpc.Tests.Reflection;

public class ServerReflectionTests
{
    private static readonly DescriptorRegistry Registry = new GrpcSnapshotCompiler().Build(CatalogModel.Schema, previous: null).Registry;

    [Fact]
    public async Task V1Alpha_ListServices_ListsEveryResourceService()
    {
        var response = (await AskV1Alpha(Registry, new V1Alpha.ServerReflectionRequest { ListServices = "*", Host = "h" })).Single();
        Assert.Equal(
            ["engine.data.v1.ItemService", "engine.data.v1.MakerService", "engine.data.v1.ReviewService", "engine.data.v1.TagService", "engine.data.v1.BundleService"],
            response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal("h", response.ValidHost);
        Assert.Equal("*", response.OriginalRequest.ListServices);
    }

    [Fact]
    public async Task V1Alpha_FileContainingSymbol_ReturnsTheFileAndItsImportsWhichResolve()
    {
        var response = (await AskV1Alpha(Registry, new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "engine.data.v1.ItemService" })).Single();
        var files = response.FileDescriptorResponse.FileDescriptorProto;
        Assert.Equal("engine/data/v1/item.proto", FileDescriptorProto.Parser.ParseFrom(files[0]).Name);

        // What a reflection client does: build the files, imports first.
        var built = FileDescriptor.BuildFromByteStrings(files.Skip(1).Append(files[0]));
        var service = built[^1].FindTypeByName<ServiceDescriptor>("ItemService");
        Assert.Equal("engine.data.v1.ItemEvent", service.FindMethodByName("WatchItems").OutputType.FullName);
    }

    [Fact]
    public async Task V1Alpha_FileByFilename_ReturnsTheFileWithImports()
    {
        var response = (await AskV1Alpha(Registry, new V1Alpha.ServerReflectionRequest { FileByFilename = "engine/data/v1/maker.proto" })).Single();
        Assert.Equal(
            ["engine/data/v1/maker.proto", "google/protobuf/empty.proto", "google/protobuf/field_mask.proto", "google/protobuf/timestamp.proto"],
            response.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name));
    }

    [Theory]
    [InlineData("engine.data.v1.NoSuchService")]
    [InlineData("engine.data.v1")]
    public async Task V1Alpha_UnknownSymbol_AnswersNotFoundInStream(string symbol)
    {
        var response = (await AskV1Alpha(Registry, new V1Alpha.ServerReflectionRequest { FileContainingSymbol = symbol })).Single();
        Assert.Equal(V1Alpha.ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
        Assert.Contains(symbol, response.ErrorResponse.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1Alpha_UnknownFile_AnswersNotFound()
    {
        var response = (await AskV1Alpha(Registry, new V1Alpha.ServerReflectionRequest { FileByFilename = "nope.proto" })).Single();
        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task V1Alpha_Extensions_NoneForKnownTypesNotFoundOtherwise()
    {
        var responses = await AskV1Alpha(Registry,
            new V1Alpha.ServerReflectionRequest { AllExtensionNumbersOfType = "engine.data.v1.Item" },
            new V1Alpha.ServerReflectionRequest { AllExtensionNumbersOfType = "engine.data.v1.Nope" },
            new V1Alpha.ServerReflectionRequest { FileContainingExtension = new V1Alpha.ExtensionRequest { ContainingType = "engine.data.v1.Item", ExtensionNumber = 100 } },
            new V1Alpha.ServerReflectionRequest());
        Assert.Equal("engine.data.v1.Item", responses[0].AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(responses[0].AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal((int)StatusCode.NotFound, responses[2].ErrorResponse.ErrorCode);
        Assert.Equal((int)StatusCode.InvalidArgument, responses[3].ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task V1_AnswersListServicesFilesAndErrors()
    {
        var writer = new ListWriter<V1.ServerReflectionResponse>();
        await new ServerReflectionV1(() => Registry).ServerReflectionInfo(
            new ListReader<V1.ServerReflectionRequest>(
            [
                new V1.ServerReflectionRequest { ListServices = "" },
                new V1.ServerReflectionRequest { FileContainingSymbol = ".engine.data.v1.Item.Status" },
                new V1.ServerReflectionRequest { FileContainingSymbol = "engine.data.v1.Missing" },
            ]),
            writer, new FakeCallContext());

        Assert.Equal(5, writer.Written[0].ListServicesResponse.Service.Count);
        Assert.Equal("engine/data/v1/item.proto", FileDescriptorProto.Parser.ParseFrom(writer.Written[1].FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.Equal((int)StatusCode.NotFound, writer.Written[2].ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task V1_OpenStream_SeesAResourceDefinedAfterItOpened()
    {
        var compiler = new GrpcSnapshotCompiler();
        var current = compiler.Build(CatalogModel.Schema, previous: null);
        var definitions = CatalogModel.Definitions()
            .Append(new ResourceDefinition { Name = "Shelf", Fields = [new FieldDefinition { Name = "row", Type = FieldTypes.Int, Number = 4 }] })
            .ToArray();
        var writer = new ListWriter<V1.ServerReflectionResponse>();
        var request = new V1.ServerReflectionRequest { FileContainingSymbol = "engine.data.v1.ShelfService" };
        await new ServerReflectionV1(() => current.Registry).ServerReflectionInfo(
            new ListReader<V1.ServerReflectionRequest>([request, request],
                beforeEach: i => current = i == 1 ? compiler.Build(CatalogModel.Build(definitions, version: 2), current) : current),
            writer, new FakeCallContext());

        Assert.Equal((int)StatusCode.NotFound, writer.Written[0].ErrorResponse.ErrorCode);
        Assert.Equal("engine/data/v1/shelf.proto",
            FileDescriptorProto.Parser.ParseFrom(writer.Written[1].FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    private static async Task<List<V1Alpha.ServerReflectionResponse>> AskV1Alpha(DescriptorRegistry registry, params V1Alpha.ServerReflectionRequest[] requests)
    {
        var writer = new ListWriter<V1Alpha.ServerReflectionResponse>();
        await new ServerReflectionV1Alpha(() => registry).ServerReflectionInfo(new ListReader<V1Alpha.ServerReflectionRequest>(requests), writer, new FakeCallContext());
        Assert.Equal(requests.Length, writer.Written.Count);
        return writer.Written;
    }
}
