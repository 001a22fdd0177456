using Engine.GraphQL.Schema;
using Engine.Query.Context;

namespace Engine.GraphQL.Tests.Schema.Roles;

public class RoleSchemaProjectorTests
{
    [Fact]
    public void Project_ReaderWithFieldList_HidesUnlistedFieldsFromTypesFiltersAndOrders()
    {
        var schema = SchemaOf("reader");

        Assert.Equal(["id", "title", "author"], FieldNames(schema, "Post"));
        var where = InputFieldNames(schema, "PostWhereInput");
        Assert.Contains("title_contains", where);
        Assert.Contains("author", where);
        Assert.DoesNotContain(where, n => n.StartsWith("views", StringComparison.Ordinal) || n.StartsWith("slug", StringComparison.Ordinal));
        Assert.Equal(["id"], InputFieldNames(schema, "PostWhereUniqueInput"));
        Assert.Equal(["id_ASC", "id_DESC", "title_ASC", "title_DESC"], ((GqlEnumType)schema.Types["PostOrderByInput"]).Values.Select(v => v.Name));
        Assert.Equal(["id", "title"], FieldNames(schema, "PostPreviousValues"));
        Assert.Null(schema.Type("PostState"));
    }

    [Fact]
    public void Project_ReadOnlyRole_HasQueryAndSubscriptionFieldsButNoMutation()
    {
        var schema = SchemaOf("reader");

        Assert.Equal(["_version", "author", "authors", "authorsConnection", "post", "posts", "postsConnection"],
            schema.Query.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Null(schema.Mutation);
        Assert.Equal(["author", "post"], schema.Subscription!.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Null(schema.Type("PostCreateInput"));
    }

    [Fact]
    public void Project_CreateOnlyRole_HasOnlyCreateWithWritableFieldsAndAnIdOnlyResult()
    {
        var schema = SchemaOf("writer");

        Assert.Equal(["_version"], schema.Query.Fields.Select(f => f.Name));
        Assert.Equal(["createPost"], schema.Mutation!.Fields.Select(f => f.Name));
        Assert.Equal(["id", "title"], InputFieldNames(schema, "PostCreateInput"));
        Assert.Equal(["id"], FieldNames(schema, "Post"));
        Assert.Null(schema.Subscription);
        Assert.Null(schema.Type("Author"));
        Assert.Null(schema.Type("PostConnection"));
    }

    [Fact]
    public void Project_RelationTargetNotReadable_RelationFieldAndFilterAbsent()
    {
        var schema = SchemaOf("postsOnly");

        Assert.Equal(["id", "createdAt", "updatedAt", "title", "slug", "views", "published", "state"], FieldNames(schema, "Post"));
        Assert.DoesNotContain("author", InputFieldNames(schema, "PostWhereInput"));
        Assert.Null(schema.Type("Author"));
        Assert.Null(schema.Type("AuthorWhereInput"));
    }

    [Fact]
    public void Project_UpdateWithFieldList_UpdateInputsHoldOnlyWritableFields()
    {
        var schema = SchemaOf("editor");

        Assert.Equal(["updatePost", "updateManyPosts"], schema.Mutation!.Fields.Select(f => f.Name));
        Assert.Equal(["title", "views"], InputFieldNames(schema, "PostUpdateInput"));
        Assert.Equal(["title", "views"], InputFieldNames(schema, "PostUpdateManyMutationInput"));
    }

    [Fact]
    public void Project_RoleWithoutRules_KeepsAValidQueryTypeWithOnlyTheVersionField()
    {
        var schema = SchemaOf(RequestContext.AnonymousRole);

        Assert.Equal(["_version"], schema.Query.Fields.Select(f => f.Name));
        Assert.Null(schema.Mutation);
        Assert.Null(schema.Subscription);
        Assert.DoesNotContain(schema.Types.Keys, n => n.StartsWith("Post", StringComparison.Ordinal) || n.StartsWith("Author", StringComparison.Ordinal));
        Assert.NotNull(schema.Type("__Schema"));
    }

    [Fact]
    public void Project_TwoRoles_UnionOfTheirGrants()
    {
        var schema = SchemaOf("reader", "writer");

        Assert.Equal(["id", "title", "author"], FieldNames(schema, "Post"));
        Assert.Equal(["createPost"], schema.Mutation!.Fields.Select(f => f.Name));
        Assert.Contains("posts", schema.Query.FieldsByName.Keys);
    }

    [Fact]
    public void SchemaFor_Admin_IsTheFullSchemaItself()
    {
        Assert.Same(RoleModels.Model.Schema, RoleModels.Model.SchemaFor(RequestContext.System));
    }

    [Fact]
    public void SchemaFor_SameRolesInAnotherOrder_IsTheCachedSchema()
    {
        var first = RoleModels.Model.SchemaFor(Context("reader", "writer"));
        var second = RoleModels.Model.SchemaFor(Context("writer", "reader", "writer"));

        Assert.Same(first, second);
        Assert.NotSame(first, RoleModels.Model.SchemaFor(Context("reader")));
    }

    [Fact]
    public void Project_FullAccessRole_ReusesEveryTypeOfTheFullSchema()
    {
        var definitions = SampleModels.BlogDefinitions()
            .Select(d => d with { Access = [new Engine.Metadata.Definitions.AccessRuleDefinition { Role = "all", Actions = ["read", "create", "update", "delete"] }] })
            .ToArray();
        var model = GraphQLSnapshotCompiler.Compile(SampleModels.Build(definitions), null);

        var projected = model.SchemaFor(Context("all"));

        Assert.All(projected.Types, t => Assert.Same(model.Schema.Types[t.Key], t.Value));
        Assert.Same(model.Schema.Mutation, projected.Mutation);
        Assert.Same(model.Schema.Subscription, projected.Subscription);
        Assert.Contains("AuthorCreateInput", projected.Types.Keys);
    }

    private static GqlSchema SchemaOf(params string[] roles) => RoleModels.Model.SchemaFor(Context(roles));

    private static RequestContext Context(params string[] roles) => new("user-1", roles, new Dictionary<string, string>());

    private static IEnumerable<string> FieldNames(GqlSchema schema, string type) => ((GqlObjectType)schema.Types[type]).Fields.Select(f => f.Name);

    private static IReadOnlyList<string> InputFieldNames(GqlSchema schema, string type) =>
        ((GqlInputObjectType)schema.Types[type]).Fields.Select(f => f.Name).ToArray();
}
