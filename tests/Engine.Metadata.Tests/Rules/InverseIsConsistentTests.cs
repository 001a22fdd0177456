using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class InverseIsConsistentTests
{
    [Fact]
    public void Check_OneToManyBothSidesNamed_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", ToMany("comments", "Comment", "post")), Resource("Comment", ToOne("post", "Post", "comments"))));

    [Fact]
    public void Check_ManySideOnlyNamesInverse_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", ToMany("comments", "Comment", "post")), Resource("Comment", ToOne("post", "Post"))));

    [Fact]
    public void Check_ManyToManyNamingEachOther_Accepts() =>
        Check.Valid(Check.Resource(Resource("Post", ToMany("tags", "Tag", "posts")), Resource("Tag", ToMany("posts", "Post", "tags"))));

    [Fact]
    public void Check_SymmetricSelfRelation_Accepts() =>
        Check.Valid(Check.Resource(Resource("Person", ToMany("friends", "Person", "friends"))));

    [Fact]
    public void Check_InverseFieldMissing_RejectsAtInverse() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("comments", "Comment", "post")), Resource("Comment", Field("text"))),
            "fields[0].inverse", "'Post.comments'", "has no field 'post'");

    [Fact]
    public void Check_InverseIsNotARelationBack_RejectsAtInverse() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("comments", "Comment", "text")), Resource("Comment", Field("text"))),
            "fields[0].inverse", "'Comment.text'", "not a relation to 'Post'");

    [Fact]
    public void Check_OneToOne_RejectsAtInverse() =>
        Check.OneError(Check.Resource(Resource("Person", ToOne("passport", "Passport", "holder")), Resource("Passport", ToOne("holder", "Person"))),
            "fields[0].inverse", "one-to-one relations are not supported");

    [Fact]
    public void Check_ToOneInverseNotNamingItBack_RejectsAtInverse() =>
        Check.OneError(Check.Resource(Resource("Comment", ToOne("post", "Post", "comments")), Resource("Post", ToMany("comments", "Comment"))),
            "fields[0].inverse", "'Post.comments' must name 'post' as its inverse in return");

    [Fact]
    public void Check_ManyToManyOnlyOneSideNamed_RejectsAtInverse() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("tags", "Tag", "posts")), Resource("Tag", ToMany("posts", "Post"))),
            "fields[0].inverse", "'Tag.posts' must name 'tags'", "join table");

    [Fact]
    public void Check_TwoRelationsClaimTheSameInverse_RejectsTheSecond() =>
        Check.OneError(Check.Resource(
                Resource("Post", ToMany("comments", "Comment", "post"), ToMany("replies", "Comment", "post")),
                Resource("Comment", ToOne("post", "Post"))),
            "fields[1].inverse", "'comments' and 'replies'", "'Comment.post'");

    [Fact]
    public void Check_PutBreaksAnotherResourcesInverse_ReportsInThatResource() =>
        Check.OneError(Check.Resource(Resource("Comment", ToOne("article", "Post")), Resource("Post", Field("title"), ToMany("comments", "Comment", "post"))),
            "resources[Post].fields[1].inverse", "'Post.comments'", "no field 'post'");
}
