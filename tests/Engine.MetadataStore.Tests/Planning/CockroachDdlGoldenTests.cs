using System.Runtime.CompilerServices;
using System.Text;
using Engine.Dialects;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore.Planning;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Planning;

/// <summary>
/// The CockroachDB dialect's DDL, compared with Golden/cockroach/*.sql (UPDATE_GOLDEN=1 rewrites them): the same plan as
/// PostgreSQL's, every statement idempotent where its syntax allows, since the steps run one by one and are replayed.
/// </summary>
public sealed class CockroachDdlGoldenTests
{
    private static readonly ResourceDefinition Author = Resource("Author",
        new FieldDefinition { Name = "name", Type = FieldTypes.String, Required = true, MaxLength = 80 },
        new FieldDefinition { Name = "email", Type = FieldTypes.String, Unique = true },
        ToMany("books", "Book", "author"));

    private static readonly ResourceDefinition Book = Resource("Book",
        new FieldDefinition { Name = "title", Type = FieldTypes.String, Required = true },
        new FieldDefinition { Name = "pages", Type = FieldTypes.Int, Min = 1 },
        new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "OUT"], Default = Json("\"DRAFT\"") },
        ToOne("author", "Author", "CASCADE"),
        ToMany("tags", "Tag")) with
    {
        Indexes = [new IndexDefinition { Fields = ["status", "title"] }],
    };

    private static readonly ResourceDefinition Tag = Resource("Tag", new FieldDefinition { Name = "label", Type = FieldTypes.String, Unique = true });

    [Fact]
    public void Plan_CreateRelatedResources_MatchesGolden() =>
        AssertGolden("create-resources", MigrationPlanner.Plan(null, Model(Author, Book, Tag), SqlDialect.Cockroach));

    [Fact]
    public void Plan_AlterAndDrop_MatchesGolden()
    {
        var changedBook = Book with
        {
            Fields =
            [
                new FieldDefinition { Name = "title", Type = FieldTypes.String },
                new FieldDefinition { Name = "pages", Type = FieldTypes.Long, Required = true, Default = Json("1") },
                new FieldDefinition { Name = "isbn", Type = FieldTypes.String, Unique = true },
                ToOne("author", "Author", "SET_NULL"),
            ],
            Indexes = [],
        };
        AssertGolden("alter-and-drop", MigrationPlanner.Plan(Model(Author, Book, Tag), Model(Author, changedBook), SqlDialect.Cockroach));
    }

    [Fact]
    public void Plan_PostgresDialect_KeepsItsStatementsWithoutExistenceGuards()
    {
        var plan = MigrationPlanner.Plan(null, Model(Author, Book, Tag));

        Assert.DoesNotContain(plan.Steps, s => s.Sql.Contains(" IF NOT EXISTS ", StringComparison.Ordinal) && s.Kind != MigrationStepKinds.CreateSchema);
    }

    [Fact]
    public void Plan_Cockroach_HasTheSameStepsAsPostgres()
    {
        var postgres = MigrationPlanner.Plan(null, Model(Author, Book, Tag));
        var cockroach = MigrationPlanner.Plan(null, Model(Author, Book, Tag), SqlDialect.Cockroach);

        Assert.Equal(postgres.Steps.Select(s => (s.Kind, s.Table, s.Column)), cockroach.Steps.Select(s => (s.Kind, s.Table, s.Column)));
    }

    private static void AssertGolden(string name, MigrationPlan plan, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Golden", "cockroach", name + ".sql");
        var actual = new StringBuilder();
        foreach (var step in plan.Steps)
        {
            actual.Append("-- ").Append(step.Kind).Append(step.Destructive ? " (destructive)" : "").Append('\n').Append(step.Sql).Append(";\n");
        }

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToString());
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual.ToString());
    }
}
