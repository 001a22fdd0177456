using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Rules;

public class TableNamesAreUniqueTests
{
    [Fact]
    public void Check_JoinTableBesideUnrelatedTables_Accepts() =>
        Check.Valid(Check.Resource(Resource("Invoice", ToMany("tags", "Tag")), Resource("Tag"), Resource("InvoiceTag")));

    [Fact]
    public void Check_JoinTableNamedLikeATable_RejectsAtRelation() =>
        Check.OneError(Check.Resource(Resource("Invoice", ToMany("tags", "Tag")), Resource("Tag"), Resource("InvoiceTags")),
            "fields[0].name", "'invoice_tags'", "resource 'InvoiceTags'");

    [Fact]
    public void Check_TableNamedLikeAJoinTable_RejectsAtName() =>
        Check.OneError(Check.Resource(Resource("InvoiceTags"), Resource("Invoice", ToMany("tags", "Tag")), Resource("Tag")),
            "name", "'invoice_tags'", "'Invoice.tags'");

    [Fact]
    public void Check_TwoJoinTablesWithOneName_RejectsAtRelation() =>
        Check.OneError(Check.Resource(Resource("Post", ToMany("tagsList", "Tag")), Resource("PostTags", ToMany("list", "Tag")), Resource("Tag")),
            "fields[0].name", "'post_tags_list'", "'PostTags.list'");

    [Fact]
    public void Check_BothSidesOfManyToMany_ShareTheirJoinTable() =>
        Check.Valid(Check.Resource(Resource("Post", ToMany("tags", "Tag", "posts")), Resource("Tag", ToMany("posts", "Post", "tags"))));
}
