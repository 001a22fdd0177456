using System.Text.Json;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Validation;
using GraphQLParser;

namespace Engine.GraphQL.Tests.Planning;

/// <summary>A blog model with field rules (maxLength, pattern, min/max, precision) and helpers to plan documents against it.</summary>
internal static class PlanningFixture
{
    public static readonly SchemaModel Model = BuildModel();
    public static readonly GqlSchema Schema = GraphQLSnapshotCompiler.Compile(Model, null).Schema;

    public static ResourceModel Author => Model.ResourcesByName["Author"];
    public static ResourceModel Post => Model.ResourcesByName["Post"];

    public static FieldModel PostField(string name) => Post.FieldsByName[name];
    public static FieldModel AuthorField(string name) => Author.FieldsByName[name];

    /// <summary>Plans <paramref name="query"/> (which must parse) with optional JSON variables.</summary>
    public static PlanningResult Plan(string query, string? variables = null, PlanningLimits? limits = null, string? operationName = null)
    {
        var document = Parser.Parse(query);
        JsonElement? json = variables is null ? null : JsonDocument.Parse(variables).RootElement;
        return OperationPlanner.Plan(document, operationName, json, Schema, Model, limits ?? PlanningLimits.Default);
    }

    /// <summary>Plans a document that must plan without errors.</summary>
    public static PlannedOperation PlanOk(string query, string? variables = null, PlanningLimits? limits = null)
    {
        var result = Plan(query, variables, limits);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Operation!;
    }

    /// <summary>The single root plan of a document that must plan without errors.</summary>
    public static T Root<T>(string query, string? variables = null)
        where T : Engine.Query.Plans.RootPlan =>
        Assert.IsType<T>(Assert.IsType<ResourceRootEntry>(Assert.Single(PlanOk(query, variables).Entries)).Plan);

    private static SchemaModel BuildModel()
    {
        IReadOnlyList<ResourceDefinition> definitions =
        [
            new ResourceDefinition
            {
                Name = "Author",
                Fields =
                [
                    new FieldDefinition { Name = "name", Type = FieldTypes.String, Required = true },
                    new FieldDefinition { Name = "email", Type = FieldTypes.String, Unique = true, MaxLength = 40, Pattern = "^[^@ ]+@[^@ ]+$" },
                    new FieldDefinition { Name = "age", Type = FieldTypes.Int, Min = 0, Max = 150 },
                    new FieldDefinition { Name = "posts", Type = FieldTypes.Relation, Target = "Post", Cardinality = "many", Inverse = "author" },
                ],
            },
            new ResourceDefinition
            {
                Name = "Post",
                Fields =
                [
                    new FieldDefinition { Name = "title", Type = FieldTypes.String, Required = true, MaxLength = 10 },
                    new FieldDefinition { Name = "slug", Type = FieldTypes.String, Unique = true },
                    new FieldDefinition { Name = "views", Type = FieldTypes.Int },
                    new FieldDefinition { Name = "rating", Type = FieldTypes.Float, Min = 0, Max = 5 },
                    new FieldDefinition { Name = "price", Type = FieldTypes.Decimal, Precision = 6, Scale = 2, Min = 0 },
                    new FieldDefinition { Name = "sequence", Type = FieldTypes.Long },
                    new FieldDefinition
                    {
                        Name = "state", Type = FieldTypes.Enum, Required = true, Values = ["DRAFT", "LIVE"],
                        Default = JsonSerializer.SerializeToElement("DRAFT"),
                    },
                    new FieldDefinition { Name = "publishedOn", Type = FieldTypes.Date },
                    new FieldDefinition { Name = "author", Type = FieldTypes.Relation, Target = "Author", Cardinality = "one" },
                    new FieldDefinition { Name = "editor", Type = FieldTypes.Relation, Target = "Author", Cardinality = "one", Required = true },
                ],
            },
        ];
        var errors = MetadataValidator.Validate(definitions);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return SchemaModelBuilder.Build(7, definitions);
    }
}
