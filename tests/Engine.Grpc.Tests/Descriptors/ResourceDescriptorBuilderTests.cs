using Engine.Grpc.Descriptors;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Tests.Descriptors;

public class ResourceDescriptorBuilderTests
{
    private static readonly ResourceDescriptorSet Item = ResourceDescriptorBuilder.Build(CatalogModel.Item, CatalogModel.ItemReserved);

    [Fact]
    public void Build_Item_NamesFilePackageAndSyntaxPerSpec()
    {
        Assert.Equal("engine/data/v1/item.proto", Item.FileName);
        Assert.Equal("engine.data.v1", Item.File.Package);
        Assert.Equal("proto3", Item.Proto.Syntax);
        Assert.Equal(
            ["google/protobuf/empty.proto", "google/protobuf/field_mask.proto", "google/protobuf/struct.proto", "google/protobuf/timestamp.proto"],
            Item.File.Dependencies.Select(d => d.Name));
    }

    [Fact]
    public void Build_ResourceWithoutJson_DoesNotImportStruct()
    {
        var maker = ResourceDescriptorBuilder.Build(CatalogModel.Schema.Resource("Maker")!);
        Assert.DoesNotContain("google/protobuf/struct.proto", maker.Proto.Dependency);
    }

    [Theory]
    [InlineData("id", 1, FieldType.String, "")]
    [InlineData("create_time", 2, FieldType.Message, "google.protobuf.Timestamp")]
    [InlineData("update_time", 3, FieldType.Message, "google.protobuf.Timestamp")]
    [InlineData("title", 4, FieldType.String, "")]
    [InlineData("code", 5, FieldType.String, "")]
    [InlineData("quantity", 7, FieldType.Int32, "")]
    [InlineData("stock", 8, FieldType.Int64, "")]
    [InlineData("weight", 11, FieldType.Double, "")]
    [InlineData("price", 12, FieldType.String, "")]
    [InlineData("active", 13, FieldType.Bool, "")]
    [InlineData("released_at", 14, FieldType.Message, "google.protobuf.Timestamp")]
    [InlineData("released_on", 15, FieldType.String, "")]
    [InlineData("attributes", 16, FieldType.Message, "google.protobuf.Struct")]
    [InlineData("status", 17, FieldType.Enum, "engine.data.v1.Item.Status")]
    [InlineData("shelf_kind", 18, FieldType.Enum, "engine.data.v1.Item.ShelfKind")]
    [InlineData("maker_id", 19, FieldType.String, "")]
    [InlineData("replaced_by_id", 20, FieldType.String, "")]
    [InlineData("tags_ids", 22, FieldType.String, "")]
    public void Build_Item_MapsEachFieldToItsTypeAndStableNumber(string name, int number, FieldType type, string typeName)
    {
        var field = Item.Message.FindFieldByName(name);
        Assert.NotNull(field);
        Assert.Equal(number, field.FieldNumber);
        Assert.Equal(type, field.FieldType);
        var resolved = type switch
        {
            FieldType.Message => field.MessageType.FullName,
            FieldType.Enum => field.EnumType.FullName,
            _ => "",
        };
        Assert.Equal(typeName, resolved);
    }

    [Theory]
    [InlineData("code", true)]
    [InlineData("quantity", true)]
    [InlineData("weight", true)]
    [InlineData("active", true)]
    [InlineData("status", true)]
    [InlineData("replaced_by_id", true)]
    [InlineData("id", false)]
    [InlineData("title", false)]
    [InlineData("stock", false)]
    [InlineData("price", false)]
    [InlineData("released_on", false)]
    [InlineData("shelf_kind", false)]
    [InlineData("maker_id", false)]
    [InlineData("released_at", false)]
    [InlineData("attributes", false)]
    [InlineData("tags_ids", false)]
    public void Build_Item_GivesNullableScalarsProto3Optional(string name, bool optional)
    {
        var field = Item.Message.FindFieldByName(name);
        Assert.Equal(optional, field.ToProto().Proto3Optional);
        Assert.Null(field.RealContainingOneof);
        if (optional)
        {
            Assert.True(field.HasPresence && field.ContainingOneof.IsSynthetic);
            Assert.Equal("_" + name, field.ContainingOneof.Name);
        }
    }

    [Fact]
    public void Build_Item_LabelsOnlyManyWithoutInverseRepeated()
    {
        Assert.Equal(["tags_ids"], Item.Message.Fields.InDeclarationOrder().Where(f => f.IsRepeated).Select(f => f.Name));
    }

    [Fact]
    public void Build_Item_LeavesRelationsWithInverseOutOfTheMessage()
    {
        Assert.Null(Item.Message.FindFieldByName("reviews_ids"));
        Assert.Null(Item.Message.FindFieldByName("bundles_ids"));
        Assert.Null(Item.Message.FindFieldByNumber(21));
        Assert.Null(Item.Message.FindFieldByNumber(23));
        Assert.Equal(18, Item.Message.Fields.InDeclarationOrder().Count);
    }

    [Fact]
    public void Build_Item_PairsModelFieldsWithTheirDescriptors()
    {
        Assert.Equal(Item.Message.Fields.InDeclarationOrder(), Item.Fields.Select(f => f.Descriptor));
        Assert.All(Item.Fields, f => Assert.Equal(f.Field.Number, f.Descriptor.FieldNumber));
    }

    [Fact]
    public void Build_Item_NestsEnumsWithPrefixedValuesAndUnspecifiedZero()
    {
        var status = Item.Message.FindDescriptor<EnumDescriptor>("Status");
        Assert.Equal(["STATUS_UNSPECIFIED", "STATUS_DRAFT", "STATUS_REVIEW", "STATUS_LIVE"], status.Values.Select(v => v.Name));
        var shelf = Item.Message.FindDescriptor<EnumDescriptor>("ShelfKind");
        Assert.Equal(["SHELF_KIND_UNSPECIFIED", "SHELF_KIND_TOP", "SHELF_KIND_BOTTOM"], shelf.Values.Select(v => v.Name));
        Assert.Equal([0, 1, 2], shelf.Values.Select(v => v.Number));
    }

    [Fact]
    public void Build_EnumWithStoredNumbers_UsesThemAndReservesRemovedValues()
    {
        var status = Item.Message.FindDescriptor<EnumDescriptor>("Status");
        Assert.Equal([0, 1, 5, 2], status.Values.Select(v => v.Number));
        var proto = Item.Proto.MessageType[0].EnumType.Single(e => e.Name == "Status");
        Assert.Equal([(3, 4)], proto.ReservedRange.Select(r => (r.Start, r.End)));
        Assert.Equal(["STATUS_ARCHIVED", "STATUS_RETIRED"], proto.ReservedName);
        Assert.Empty(Item.Proto.MessageType[0].EnumType.Single(e => e.Name == "ShelfKind").ReservedRange);
    }

    [Fact]
    public void Build_WithReserved_MergesConsecutiveNumbersAndSkipsNamesInUse()
    {
        var message = Item.Proto.MessageType[0];
        Assert.Equal([(6, 7), (9, 11)], message.ReservedRange.Select(r => (r.Start, r.End)));
        Assert.Equal(["legacy_code", "old_price"], message.ReservedName);
    }

    [Fact]
    public void Build_ReservedNumberInUse_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResourceDescriptorBuilder.Build(CatalogModel.Item, new ReservedFields([4], [])));
    }

    [Fact]
    public void Build_Item_DeclaresTheSixMethodsWithSpecMessages()
    {
        Assert.Equal("ItemService", Item.Service.Name);
        Assert.Equal(
            ["GetItem", "ListItems", "CreateItem", "UpdateItem", "DeleteItem", "WatchItems"],
            Item.Service.Methods.Select(m => m.Name));
        Assert.Equal(
            ["GetItemRequest→Item", "ListItemsRequest→ListItemsResponse", "CreateItemRequest→Item", "UpdateItemRequest→Item",
             "DeleteItemRequest→google.protobuf.Empty", "WatchItemsRequest→ItemEvent"],
            Item.Service.Methods.Select(m => Short(m.InputType) + "→" + Short(m.OutputType)));
        Assert.True(Item.Watch.IsServerStreaming);
        Assert.False(Item.Watch.IsClientStreaming);
        Assert.All(Item.Service.Methods.Where(m => m != Item.Watch), m => Assert.False(m.IsServerStreaming || m.IsClientStreaming));
        Assert.Same(Item.Service.Methods[1], Item.List);
    }

    [Theory]
    [InlineData("GetItemRequest", "id=1:string, read_mask=2:google.protobuf.FieldMask")]
    [InlineData("ListItemsRequest", "page_size=1:int32, page_token=2:string, filter=3:string, order_by=4:string, read_mask=5:google.protobuf.FieldMask")]
    [InlineData("ListItemsResponse", "repeated items=1:engine.data.v1.Item, next_page_token=2:string, total_size=3:int32")]
    [InlineData("CreateItemRequest", "item=1:engine.data.v1.Item")]
    [InlineData("UpdateItemRequest", "item=1:engine.data.v1.Item, update_mask=2:google.protobuf.FieldMask")]
    [InlineData("DeleteItemRequest", "id=1:string")]
    [InlineData("WatchItemsRequest", "filter=1:string")]
    [InlineData("ItemEvent", "type=1:engine.data.v1.ItemEvent.Type, item=2:engine.data.v1.Item, repeated updated_fields=3:string")]
    public void Build_Item_ShapesRequestAndResponseMessagesPerSpec(string message, string expected)
    {
        var descriptor = Item.File.FindTypeByName<MessageDescriptor>(message);
        Assert.Equal(expected, string.Join(", ", descriptor.Fields.InDeclarationOrder().Select(Describe)));
    }

    [Fact]
    public void Build_Item_EventTypeEnumHasSpecValues()
    {
        var type = Item.File.FindTypeByName<MessageDescriptor>("ItemEvent").FindDescriptor<EnumDescriptor>("Type");
        Assert.Equal(["TYPE_UNSPECIFIED", "CREATED", "UPDATED", "DELETED"], type.Values.Select(v => v.Name));
    }

    [Fact]
    public void Build_MultiWordResource_UsesSnakeCaseFileAndFieldNames()
    {
        var definitions = new[]
        {
            new Engine.Metadata.Definitions.ResourceDefinition
            {
                Name = "InvoiceLine",
                Fields = [new Engine.Metadata.Definitions.FieldDefinition { Name = "amount", Type = "Int", Number = 4 }],
            },
        };
        var set = ResourceDescriptorBuilder.Build(CatalogModel.Build(definitions).Resource("InvoiceLine")!);
        Assert.Equal("engine/data/v1/invoice_line.proto", set.FileName);
        Assert.NotNull(set.File.FindTypeByName<MessageDescriptor>("CreateInvoiceLineRequest").FindFieldByName("invoice_line"));
        Assert.NotNull(set.File.FindTypeByName<MessageDescriptor>("ListInvoiceLinesResponse").FindFieldByName("invoice_lines"));
    }

    [Fact]
    public void Build_SerializedBytes_BuildAgainToTheSameProto()
    {
        var again = ResourceDescriptorBuilder.Resolve(Item.Proto.Dependency, Item.Bytes);
        Assert.Equal(Item.Proto, again.ToProto());
    }

    private static string Short(MessageDescriptor message) =>
        message.File == Item.File ? message.Name : message.FullName;

    private static string Describe(FieldDescriptor field) =>
        (field.IsRepeated ? "repeated " : "") + field.Name + "=" + field.FieldNumber + ":" + field.FieldType switch
        {
            FieldType.Message => field.MessageType.FullName,
            FieldType.Enum => field.EnumType.FullName,
            var t => t.ToString().ToLowerInvariant(),
        };
}
