using Engine.Grpc.Descriptors;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Validation;

namespace Engine.Grpc.Tests.Descriptors;

/// <summary>
/// A small validated model covering every field type, two enums, and every relation kind: to-one (required and
/// optional), one-to-many with inverse, many-to-many from one side, and many-to-many with both sides declared.
/// Field and enum value numbers are given as the store would, with gaps where fields and values were removed.
/// </summary>
internal static class CatalogModel
{
    /// <summary>What the store would record for Item's removed fields: numbers 6, 9, 10 and the old names.</summary>
    public static ReservedFields ItemReserved { get; } = new([10, 6, 9], ["old_price", "legacy_code", "title"]);

    /// <summary>
    /// What the store would record for Item's status values: LIVE kept 2 when ARCHIVED (3) and RETIRED (4) were removed
    /// and REVIEW (5) was inserted before it.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EnumValueNumber>> ItemEnumValueNumbers { get; } =
        new Dictionary<string, IReadOnlyList<EnumValueNumber>>
        {
            ["status"] = [new(1, "DRAFT"), new(2, "LIVE"), new(3, "ARCHIVED"), new(4, "RETIRED"), new(5, "REVIEW")],
        };

    public static IReadOnlyList<ResourceDefinition> Definitions() =>
    [
        new ResourceDefinition
        {
            Name = "Item",
            Fields =
            [
                new FieldDefinition { Name = "title", Type = FieldTypes.String, Required = true, Number = 4 },
                new FieldDefinition { Name = "code", Type = FieldTypes.String, Unique = true, Number = 5 },
                new FieldDefinition { Name = "quantity", Type = FieldTypes.Int, Number = 7 },
                new FieldDefinition { Name = "stock", Type = FieldTypes.Long, Required = true, Number = 8 },
                new FieldDefinition { Name = "weight", Type = FieldTypes.Float, Number = 11 },
                new FieldDefinition { Name = "price", Type = FieldTypes.Decimal, Required = true, Precision = 12, Scale = 2, Number = 12 },
                new FieldDefinition { Name = "active", Type = FieldTypes.Boolean, Number = 13 },
                new FieldDefinition { Name = "releasedAt", Type = FieldTypes.DateTime, Number = 14 },
                new FieldDefinition { Name = "releasedOn", Type = FieldTypes.Date, Required = true, Number = 15 },
                new FieldDefinition { Name = "attributes", Type = FieldTypes.Json, Number = 16 },
                new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "REVIEW", "LIVE"], Number = 17 },
                new FieldDefinition { Name = "shelfKind", Type = FieldTypes.Enum, Required = true, Values = ["TOP", "BOTTOM"], Number = 18 },
                new FieldDefinition { Name = "maker", Type = FieldTypes.Relation, Target = "Maker", Cardinality = "one", Required = true, Number = 19 },
                new FieldDefinition { Name = "replacedBy", Type = FieldTypes.Relation, Target = "Item", Cardinality = "one", Number = 20 },
                new FieldDefinition { Name = "reviews", Type = FieldTypes.Relation, Target = "Review", Cardinality = "many", Inverse = "item", Number = 21 },
                new FieldDefinition { Name = "tags", Type = FieldTypes.Relation, Target = "Tag", Cardinality = "many", Number = 22 },
                new FieldDefinition { Name = "bundles", Type = FieldTypes.Relation, Target = "Bundle", Cardinality = "many", Inverse = "items", Number = 23 },
            ],
        },
        new ResourceDefinition
        {
            Name = "Maker",
            Fields = [new FieldDefinition { Name = "name", Type = FieldTypes.String, Required = true, Number = 4 }],
        },
        new ResourceDefinition
        {
            Name = "Review",
            Fields =
            [
                new FieldDefinition { Name = "body", Type = FieldTypes.String, Number = 4 },
                new FieldDefinition { Name = "item", Type = FieldTypes.Relation, Target = "Item", Cardinality = "one", Required = true, Number = 5 },
            ],
        },
        new ResourceDefinition
        {
            Name = "Tag",
            Fields = [new FieldDefinition { Name = "label", Type = FieldTypes.String, Required = true, Number = 4 }],
        },
        new ResourceDefinition
        {
            Name = "Bundle",
            Fields = [new FieldDefinition { Name = "items", Type = FieldTypes.Relation, Target = "Item", Cardinality = "many", Inverse = "bundles", Number = 4 }],
        },
    ];

    /// <summary>The model of <paramref name="definitions"/> (Item with its stored enum value numbers), after checking that it is valid metadata.</summary>
    public static SchemaModel Build(IReadOnlyList<ResourceDefinition> definitions, long version = 1)
    {
        var errors = MetadataValidator.Validate(definitions);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.ToString())));
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var resources = definitions
            .Select(d => SchemaModelBuilder.BuildResource(d, byName, enumValueNumbers: d.Name == "Item" ? ItemEnumValueNumbers : null))
            .ToArray();
        return new SchemaModel(version, SchemaModelBuilder.DefaultDataSchema, resources);
    }

    public static SchemaModel Schema { get; } = Build(Definitions());

    public static ResourceModel Item => Schema.Resource("Item")!;
}
