using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.Metadata.Tests.Model;

public class SchemaModelBuilderTests
{
    [Fact]
    public void BuildResource_StoredEnumNumbers_ModelCarriesNumbersAndRemovedValues()
    {
        var definition = new ResourceDefinition
        {
            Name = "Invoice",
            Fields = [new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "REVIEW", "PAID"], Number = 4 }],
        };
        var stored = new Dictionary<string, IReadOnlyList<EnumValueNumber>>
        {
            ["status"] = [new(1, "DRAFT"), new(2, "SENT"), new(3, "PAID"), new(4, "REVIEW")],
        };

        var status = SchemaModelBuilder.BuildResource(definition, new Dictionary<string, ResourceDefinition> { ["Invoice"] = definition }, null, stored)
            .Field("status")!;

        Assert.Equal([1, 4, 3], status.EnumNumbers);
        Assert.Equal([new EnumValueNumber(2, "SENT")], status.RemovedEnumValues);
    }
}
