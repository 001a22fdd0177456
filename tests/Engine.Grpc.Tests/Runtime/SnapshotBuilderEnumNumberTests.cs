using Engine.Grpc.Reflection;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore;
using Engine.Runtime;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Tests.Runtime;

/// <summary>
/// The runtime reuses a compiled resource whose definition is unchanged; enum value numbers can change without the
/// definition (a value added and removed again between two versions a pod loads), and must then rebuild it.
/// </summary>
public class SnapshotBuilderEnumNumberTests
{
    private static readonly ResourceDefinition Definition = new()
    {
        Name = "Ticket",
        Fields = [new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["OPEN", "DONE"], Number = 4 }],
    };

    private readonly SnapshotBuilder builder = new([new GrpcSnapshotCompiler()], SchemaModelBuilder.DefaultDataSchema);

    [Fact]
    public void Build_SameDefinitionWithAValueAddedAndRemovedMeanwhile_RebuildsTheResourceWithTheValueReserved()
    {
        var first = builder.Build(Stored(1, [new(1, "OPEN"), new(2, "DONE")]), previous: null);

        var third = builder.Build(Stored(3, [new(1, "OPEN"), new(2, "DONE"), new(3, "LATE")]), first);

        Assert.NotSame(first.Model.Resource("Ticket"), third.Model.Resource("Ticket"));
        Assert.Equal([new EnumValueNumber(3, "LATE")], third.Model.Resource("Ticket")!.Field("status")!.RemovedEnumValues);
        Assert.Equal(["STATUS_LATE"], Status(third).ReservedName);
    }

    [Fact]
    public void Build_SameDefinitionAndNumbers_ReusesTheResource()
    {
        EnumValueNumber[] numbers = [new(1, "OPEN"), new(2, "DONE"), new(3, "LATE")];
        var first = builder.Build(Stored(1, numbers), previous: null);

        var second = builder.Build(Stored(2, numbers), first);

        Assert.Same(first.Model.Resource("Ticket"), second.Model.Resource("Ticket"));
        Assert.Equal(["STATUS_LATE"], Status(second).ReservedName);
    }

    private static StoredMetadata Stored(long version, EnumValueNumber[] status) =>
        new(version, [new StoredResource(Definition, version, DateTimeOffset.UnixEpoch, []) { EnumValueNumbers = new Dictionary<string, IReadOnlyList<EnumValueNumber>> { ["status"] = status } }]);

    private static EnumDescriptorProto Status(EngineSnapshot snapshot) =>
        snapshot.Artifact<GrpcModel>().Resources["Ticket"].Descriptors.Proto.MessageType[0].EnumType.Single(e => e.Name == "Status");
}
