using Engine.Grpc.Descriptors;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Tests.Descriptors;

public class ProtoPrinterTests
{
    /// <summary>Seen from <c>TypeEvent</c>, which nests an enum <c>Type</c>, the package-level <c>Type</c> must stay fully qualified.</summary>
    [Fact]
    public void Print_PackageTypeShadowedByNestedEnum_KeepsLeadingDot()
    {
        var message = new DescriptorProto { Name = "TypeEvent" };
        message.EnumType.Add(new EnumDescriptorProto { Name = "Type", Value = { new EnumValueDescriptorProto { Name = "TYPE_UNSPECIFIED", Number = 0 } } });
        message.Field.Add(new FieldDescriptorProto
        {
            Name = "kind", Number = 1, Label = FieldDescriptorProto.Types.Label.Optional,
            Type = FieldDescriptorProto.Types.Type.Enum, TypeName = ".engine.data.v1.TypeEvent.Type",
        });
        message.Field.Add(new FieldDescriptorProto
        {
            Name = "record", Number = 2, Label = FieldDescriptorProto.Types.Label.Optional,
            Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".engine.data.v1.Type",
        });
        var file = new FileDescriptorProto { Name = "x.proto", Package = "engine.data.v1", Syntax = "proto3", MessageType = { new DescriptorProto { Name = "Type" }, message } };

        var text = ProtoPrinter.Print(file);

        Assert.Contains("  Type kind = 1;\n", text, StringComparison.Ordinal);
        Assert.Contains("  .engine.data.v1.Type record = 2;\n", text, StringComparison.Ordinal);
    }
}
