using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class GeneratedNamesDoNotClashTests
{
    [Fact]
    public void Check_ResourcesWithRelatedNames_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", Enum("status", "DRAFT")), Resource("PostComment"), Resource("Postal"), Resource("Status")));

    [Fact]
    public void Check_ResourceNamedLikeAnotherResourcesType_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("PostEdge"), Resource("Post")),
            "name", "The generated GraphQL type 'PostEdge' of resource 'Post' clashes with resource 'PostEdge'");

    [Fact]
    public void Check_ResourceThatGeneratesAnExistingResourceName_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("Post"), Resource("PostEdge")),
            "name", "The generated GraphQL type 'PostEdge' of resource 'Post' clashes with resource 'PostEdge'");

    [Fact]
    public void Check_TwoResourcesGenerateTheSameType_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("PostSubscription"), Resource("Post")),
            "name", "'PostSubscriptionWhereInput' of resource 'PostSubscription'", "'PostSubscriptionWhereInput' of resource 'Post'");

    [Fact]
    public void Check_EnumTypeClashesWithOwnType_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Post", Enum("edge", "A"))),
            "fields[0].name", "enum type 'PostEdge' of the field 'Post.edge'", "GraphQL type 'PostEdge' of resource 'Post'");

    [Fact]
    public void Check_EnumTypeClashesWithBuiltIn_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Page", Enum("info", "A"))), "fields[0].name", "built-in GraphQL type 'PageInfo'");

    [Fact]
    public void Check_ResourceNamedLikeBuiltIn_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("Query")), "name", "built-in GraphQL type 'Query'");

    [Fact]
    public void Check_ResourceNamedLikeAnotherResourcesEnum_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("InvoiceStatus"), Resource("Invoice", Enum("status", "DRAFT"))),
            "name", "enum type 'InvoiceStatus' of the field 'Invoice.status' clashes with resource 'InvoiceStatus'");

    [Fact]
    public void Check_ResourceNamedLikeAnotherResourcesNestedWriteInput_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("PostCreateWithoutAuthorInput"), Resource("Post", ToOne("author", "User")), Resource("User")),
            "name", "nested write input type 'PostCreateWithoutAuthorInput' of the field 'Post.author' clashes with resource 'PostCreateWithoutAuthorInput'");

    [Fact]
    public void Check_RelationWhoseNestedWriteInputIsAnExistingResource_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("tags", "Tag")), Resource("Tag"), Resource("PostUpsertWithoutTagsInput")),
            "fields[0].name", "'PostUpsertWithoutTagsInput' of the field 'Post.tags'", "resource 'PostUpsertWithoutTagsInput'");

    [Fact]
    public void Check_EnumTypeClashesWithOwnNestedWriteInput_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Post", ToOne("author", "User"), Enum("createWithoutAuthorInput", "A")), Resource("User")),
            "fields[1].name", "enum type 'PostCreateWithoutAuthorInput'", "nested write input type 'PostCreateWithoutAuthorInput' of the field 'Post.author'");

    [Fact]
    public void Check_SharedNestedWriteInputClashesWithResource_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("PostUpsertNestedInput"), Resource("Post")),
            "name", "generated GraphQL type 'PostUpsertNestedInput' of resource 'Post' clashes with resource 'PostUpsertNestedInput'");

    [Fact]
    public void Check_RootFieldsClash_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("People"), Resource("Person")),
            "name", "GraphQL root field 'people' of resource 'People'", "GraphQL root field 'people' of resource 'Person'");

    [Fact]
    public void Check_DeclaredPluralCausesClash_RejectsAtPlural() =>
        Check.OneError(Check.Resource(Resource("Post") with { Plural = "Articles" }, Resource("Article")),
            "plural", "'articles' of resource 'Post'", "'articles' of resource 'Article'", "and 6 more generated names");

    [Fact]
    public void Check_ResourceNamedLikeProtobufRequest_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("ListPostsRequest"), Resource("Post")),
            "name", "generated protobuf name 'ListPostsRequest' of resource 'Post' clashes with resource 'ListPostsRequest'");

    [Fact]
    public void Check_FieldNamedLikeSystemProtobufField_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Post", Field("createTime", FieldTypes.DateTime))),
            "fields[0].name", "protobuf field 'create_time'", "system field 'createdAt'");

    [Fact]
    public void Check_FieldNamedLikeToManyProtobufField_RejectsAtField() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("tags", "Tag"), Field("tagsIds")), Resource("Tag")),
            "fields[1].name", "field 'tagsIds'", "'tags_ids'", "relation 'tags'");

    [Fact]
    public void Check_EnumValueNamedLikeZeroValue_RejectsAtValue() =>
        Check.OneError(Check.Resource(Resource("Post", Enum("status", "DRAFT", "UNSPECIFIED"))),
            "fields[0].values[1]", "'STATUS_UNSPECIFIED'", "zero value of 'status'");

    [Fact]
    public void Check_EnumValuesOfTwoFieldsCollide_RejectsAtValue() =>
        Check.OneError(Check.Resource(Resource("Post", Enum("status", "X_A"), Enum("statusX", "A"))),
            "fields[1].values[0]", "'STATUS_X_A'", "value X_A of 'status'");
}
