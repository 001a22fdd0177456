using Engine.Grpc.Reflection;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore;
using Engine.Runtime;

namespace Engine.Grpc.Tests.Runtime;

/// <summary>
/// A field added and removed again between two versions a pod loads leaves the definition unchanged but reserves one
/// more field number: the runtime must then rebuild the resource, so its descriptor reserves that number too.
/// </summary>
public class SnapshotBuilderReservedFieldTests
{
    private static readonly ResourceDefinition Definition = new()
    {
        Name = "Parcel",
        Fields = [new FieldDefinition { Name = "label", Type = FieldTypes.String, Number = 4 }],
    };

    private readonly SnapshotBuilder builder = new([new GrpcSnapshotCompiler()], SchemaModelBuilder.DefaultDataSchema);

    [Fact]
    public void Build_SameDefinitionWithAFieldAddedAndRemovedMeanwhile_RebuildsTheResourceWithTheNumberReserved()
    {
        var first = builder.Build(Stored(1, []), previous: null);

        var third = builder.Build(Stored(3, [new FieldNumber(5, "weight")]), first);

        Assert.NotSame(first.Model.Resource("Parcel"), third.Model.Resource("Parcel"));
        Assert.Equal([5], third.Model.Resource("Parcel")!.RemovedFields.Select(f => f.Number));
        var message = third.Artifact<GrpcModel>().Resources["Parcel"].Descriptors.Proto.MessageType[0];
        Assert.Contains(message.ReservedRange, r => r.Start == 5);
        Assert.Contains("weight", message.ReservedName);
    }

    [Fact]
    public void Build_SameDefinitionAndReservedNumbers_ReusesTheResource()
    {
        FieldNumber[] reserved = [new(5, "weight")];
        var first = builder.Build(Stored(1, reserved), previous: null);

        var second = builder.Build(Stored(2, reserved), first);

        Assert.Same(first.Model.Resource("Parcel"), second.Model.Resource("Parcel"));
    }

    private static StoredMetadata Stored(long version, FieldNumber[] reserved) =>
        new(version, [new StoredResource(Definition, version, DateTimeOffset.UnixEpoch, reserved)]);
}
