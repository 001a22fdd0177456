using Engine.Metadata.Definitions;
using Engine.MetadataStore.Planning;
using static Engine.MetadataStore.Tests.Definitions;
using static Engine.MetadataStore.Tests.Planning.PlanAssertions;

namespace Engine.MetadataStore.Tests.Planning;

public class MigrationPlannerRelationTests
{
    private static readonly ResourceDefinition Tag = Resource("Tag", Field("label", FieldTypes.String));
    private static readonly ResourceDefinition Author = Resource("Author", Field("name", FieldTypes.String));

    [Fact]
    public void Plan_OnDeleteChanged_ReplacesForeignKey()
    {
        var from = Model(Author, Resource("Book", ToOne("author", "Author")));
        var to = Model(Author, Resource("Book", ToOne("author", "Author", "CASCADE")));

        var plan = MigrationPlanner.Plan(from, to);

        Assert.Equal([MigrationStepKinds.DropForeignKey, MigrationStepKinds.AddForeignKey], Kinds(plan));
        Assert.Equal("ALTER TABLE \"data\".\"book\" DROP CONSTRAINT \"book_author_id_fkey\"", plan.Steps[0].Sql);
        Assert.EndsWith("ON DELETE CASCADE", plan.Steps[1].Sql, StringComparison.Ordinal);
        Assert.False(plan.IsDestructive);
    }

    [Fact]
    public void Plan_SetNullOnDelete_RendersSetNull()
    {
        var plan = MigrationPlanner.Plan(Model(Author), Model(Author, Resource("Book", ToOne("author", "Author", "SET_NULL"))));

        Assert.EndsWith("ON DELETE SET NULL", Single(plan, MigrationStepKinds.AddForeignKey).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AddedToOneOnExistingTable_AddsColumnForeignKeyAndIndex()
    {
        var plan = MigrationPlanner.Plan(Model(Author, Resource("Book")), Model(Author, Resource("Book", ToOne("author", "Author"))));

        Assert.Equal([MigrationStepKinds.AddColumn, MigrationStepKinds.AddForeignKey, MigrationStepKinds.CreateIndex], Kinds(plan));
        Assert.Equal("ALTER TABLE \"data\".\"book\" ADD COLUMN \"author_id\" uuid", plan.Steps[0].Sql);
    }

    [Fact]
    public void Plan_RemovedToOne_DropsOnlyTheColumn()
    {
        var plan = MigrationPlanner.Plan(Model(Author, Resource("Book", ToOne("author", "Author"))), Model(Author, Resource("Book")));

        Assert.Equal([MigrationStepKinds.DropColumn], Kinds(plan));
        Assert.True(plan.IsDestructive);
    }

    [Fact]
    public void Plan_ManyToManyDeclaredOnBothSides_CreatesOneJoinTable()
    {
        var post = Resource("Post", ToMany("tags", "Tag", "posts"));
        var tag = Tag with { Fields = [.. Tag.Fields, ToMany("posts", "Post", "tags")] };

        var plan = MigrationPlanner.Plan(Model(Tag, Resource("Post")), Model(post, tag));

        var create = Single(plan, MigrationStepKinds.CreateJoinTable);
        Assert.Equal(
            "CREATE TABLE \"data\".\"post_tags\" (\"post_id\" uuid NOT NULL, \"tag_id\" uuid NOT NULL, "
            + "CONSTRAINT \"post_tags_pkey\" PRIMARY KEY (\"post_id\", \"tag_id\"), "
            + "CONSTRAINT \"post_tags_post_id_fkey\" FOREIGN KEY (\"post_id\") REFERENCES \"data\".\"post\" (\"id\") ON DELETE CASCADE, "
            + "CONSTRAINT \"post_tags_tag_id_fkey\" FOREIGN KEY (\"tag_id\") REFERENCES \"data\".\"tag\" (\"id\") ON DELETE CASCADE)",
            create.Sql);
        Assert.Equal("CREATE INDEX \"post_tags_tag_id_idx\" ON \"data\".\"post_tags\" (\"tag_id\")", Single(plan, MigrationStepKinds.CreateIndex).Sql);
        Assert.False(plan.IsDestructive);
    }

    [Fact]
    public void Plan_JoinTableForNewTables_ComesAfterBothTables()
    {
        var plan = MigrationPlanner.Plan(null, Model(Resource("Post", ToMany("tags", "Tag")), Tag));

        Assert.Equal(
            [
                MigrationStepKinds.CreateSchema, MigrationStepKinds.CreateTable, MigrationStepKinds.CreateTrigger,
                MigrationStepKinds.CreateTable, MigrationStepKinds.CreateTrigger, MigrationStepKinds.CreateJoinTable,
                MigrationStepKinds.CreateIndex,
            ],
            Kinds(plan));
    }

    [Fact]
    public void Plan_RemovedManyToMany_DropsJoinTableAsDestructive()
    {
        var plan = MigrationPlanner.Plan(Model(Resource("Post", ToMany("tags", "Tag")), Tag), Model(Resource("Post"), Tag));

        var drop = Single(plan, MigrationStepKinds.DropJoinTable);
        Assert.Equal("DROP TABLE \"data\".\"post_tags\"", drop.Sql);
        Assert.True(drop.Destructive);
        Assert.Single(plan.Steps);
    }

    [Fact]
    public void Plan_ToOneBecomesMany_DropsColumnAndCreatesJoinTable()
    {
        var plan = MigrationPlanner.Plan(Model(Resource("Post", ToOne("tags", "Tag")), Tag), Model(Resource("Post", ToMany("tags", "Tag")), Tag));

        Assert.Equal([MigrationStepKinds.DropColumn, MigrationStepKinds.CreateJoinTable, MigrationStepKinds.CreateIndex], Kinds(plan));
        Assert.Equal("tags_id", plan.Steps[0].Column);
        Assert.True(plan.IsDestructive);
    }

    [Fact]
    public void Plan_OneToManyInverse_NeedsNoStorage()
    {
        var book = Resource("Book", ToOne("author", "Author"));
        var withInverse = Author with { Fields = [.. Author.Fields, ToMany("books", "Book", "author")] };

        var plan = MigrationPlanner.Plan(Model(Author, book), Model(withInverse, book));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_SelfManyToMany_UsesRelatedColumn()
    {
        var plan = MigrationPlanner.Plan(Model(Author), Model(Author with { Fields = [.. Author.Fields, ToMany("friends", "Author")] }));

        Assert.Contains("\"related_author_id\" uuid NOT NULL", Single(plan, MigrationStepKinds.CreateJoinTable).Sql, StringComparison.Ordinal);
    }
}
