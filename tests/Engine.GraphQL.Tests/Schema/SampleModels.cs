using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Validation;

namespace Engine.GraphQL.Tests.Schema;

/// <summary>Small hand-written models for schema, introspection and validation tests.</summary>
internal static class SampleModels
{
    /// <summary>Customer / Invoice / Tag: enums, a default, unique fields, one-to-many, many-to-one and many-to-many relations.</summary>
    public static IReadOnlyList<ResourceDefinition> CrmDefinitions() =>
    [
        new ResourceDefinition
        {
            Name = "Customer",
            Description = "Someone who buys.",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String, Required = true, Description = "Display name." },
                new FieldDefinition { Name = "email", Type = FieldTypes.String, Unique = true },
                new FieldDefinition
                {
                    Name = "tier", Type = FieldTypes.Enum, Required = true, Values = ["BRONZE", "SILVER", "GOLD"],
                    Default = JsonSerializer.SerializeToElement("BRONZE"),
                },
                new FieldDefinition { Name = "invoices", Type = FieldTypes.Relation, Target = "Invoice", Cardinality = "many", Inverse = "customer" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Invoice",
            Description = "A customer invoice",
            Fields =
            [
                new FieldDefinition { Name = "number", Type = FieldTypes.String, Required = true, Unique = true, MaxLength = 32 },
                new FieldDefinition { Name = "issuedOn", Type = FieldTypes.Date, Required = true },
                new FieldDefinition { Name = "total", Type = FieldTypes.Decimal, Required = true, Precision = 12, Scale = 2 },
                new FieldDefinition
                {
                    Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "SENT", "PAID"], Default = JsonSerializer.SerializeToElement("DRAFT"),
                },
                new FieldDefinition { Name = "notes", Type = FieldTypes.String },
                new FieldDefinition { Name = "paidAt", Type = FieldTypes.DateTime },
                new FieldDefinition { Name = "lineCount", Type = FieldTypes.Int },
                new FieldDefinition { Name = "weight", Type = FieldTypes.Float },
                new FieldDefinition { Name = "sequence", Type = FieldTypes.Long, Unique = true },
                new FieldDefinition { Name = "archived", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "extra", Type = FieldTypes.Json },
                new FieldDefinition
                {
                    Name = "customer", Type = FieldTypes.Relation, Target = "Customer", Cardinality = "one", Required = true, OnDelete = "RESTRICT",
                },
                new FieldDefinition { Name = "tags", Type = FieldTypes.Relation, Target = "Tag", Cardinality = "many", Inverse = "invoices" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Tag",
            Fields =
            [
                new FieldDefinition { Name = "label", Type = FieldTypes.String, Required = true, Unique = true },
                new FieldDefinition { Name = "invoices", Type = FieldTypes.Relation, Target = "Invoice", Cardinality = "many", Inverse = "tags" },
            ],
        },
    ];

    /// <summary>Author / Post: the OpenCRUD example resource.</summary>
    public static IReadOnlyList<ResourceDefinition> BlogDefinitions() =>
    [
        new ResourceDefinition
        {
            Name = "Author",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String, Required = true },
                new FieldDefinition { Name = "posts", Type = FieldTypes.Relation, Target = "Post", Cardinality = "many", Inverse = "author" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Post",
            Description = "A blog post.",
            Fields =
            [
                new FieldDefinition { Name = "title", Type = FieldTypes.String, Required = true },
                new FieldDefinition { Name = "slug", Type = FieldTypes.String, Unique = true },
                new FieldDefinition { Name = "views", Type = FieldTypes.Int },
                new FieldDefinition { Name = "published", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "state", Type = FieldTypes.Enum, Values = ["DRAFT", "LIVE"] },
                new FieldDefinition { Name = "author", Type = FieldTypes.Relation, Target = "Author", Cardinality = "one" },
            ],
        },
    ];

    /// <summary>Validates the definitions (so tests never build on an invalid model) and builds the model.</summary>
    public static SchemaModel Build(IReadOnlyList<ResourceDefinition> definitions, long version = 1)
    {
        var errors = MetadataValidator.Validate(definitions);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return SchemaModelBuilder.Build(version, definitions);
    }

    /// <summary>The composed schema of <paramref name="definitions"/>.</summary>
    public static Engine.GraphQL.Schema.GqlSchema Schema(IReadOnlyList<ResourceDefinition> definitions) =>
        Engine.GraphQL.Schema.GraphQLSnapshotCompiler.Compile(Build(definitions), null).Schema;

    /// <summary>The blog schema, built once (schemas are immutable).</summary>
    public static Engine.GraphQL.Schema.GqlSchema Blog { get; } = Schema(BlogDefinitions());
}
