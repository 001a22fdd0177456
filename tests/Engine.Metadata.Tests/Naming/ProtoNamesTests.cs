using Engine.Metadata.Definitions;
using Engine.Metadata.Naming;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Naming;

public class ProtoNamesTests
{
    [Fact]
    public void TypesOf_Post_GivesTheSpecsMessagesAndService() =>
        Assert.Equal(
            ["Post", "PostService", "GetPostRequest", "ListPostsRequest", "ListPostsResponse", "CreatePostRequest",
                "UpdatePostRequest", "DeletePostRequest", "WatchPostsRequest", "PostEvent"],
            ProtoNames.TypesOf("Post", "Posts"));

    [Fact]
    public void File_Resource_IsSnakeCasePathInPackage()
    {
        Assert.Equal("engine/data/v1/invoice_line.proto", ProtoNames.File("InvoiceLine"));
        Assert.Equal("engine.data.v1.InvoiceLine", ProtoNames.FullName("InvoiceLine"));
    }

    [Fact]
    public void Methods_Post_AreNamedAsTheSpecSays()
    {
        Assert.Equal("GetPost", ProtoNames.GetMethod("Post"));
        Assert.Equal("ListPosts", ProtoNames.ListMethod("Posts"));
        Assert.Equal("WatchPosts", ProtoNames.WatchMethod("Posts"));
        Assert.Equal("posts", ProtoNames.ListResponseItems("Posts"));
    }

    [Fact]
    public void Field_EachKindOfField_GivesItsMessageField()
    {
        Assert.Equal("issued_on", ProtoNames.Field(Field("issuedOn", FieldTypes.Date)));
        Assert.Equal("customer_id", ProtoNames.Field(ToOne("customer", "Customer")));
        Assert.Equal("tags_ids", ProtoNames.Field(ToMany("tags", "Tag")));
        Assert.Null(ProtoNames.Field(ToMany("lines", "InvoiceLine", "invoice")));
    }

    [Fact]
    public void EnumNames_Field_ArePrefixedWithTheFieldInUpperSnakeCase()
    {
        Assert.Equal("PaymentState", ProtoNames.EnumType("paymentState"));
        Assert.Equal("PAYMENT_STATE_UNSPECIFIED", ProtoNames.EnumUnspecifiedValue("paymentState"));
        Assert.Equal("PAYMENT_STATE_PAID", ProtoNames.EnumValue("paymentState", "PAID"));
    }
}
