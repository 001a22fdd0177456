using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>Every filter operator against real rows, with the null and empty-list semantics Filter.cs documents.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FilterTests(PostgresDatabase database)
{
    /// <summary>Titles of the posts matching <paramref name="where"/>, in title order.</summary>
    private static async Task<string[]> TitlesAsync(BlogDatabase db, Filter where)
    {
        var json = await db.QueryAsync(new FindManyPlan("posts", db.Post, List(where, orderBy: [Asc(db.Post, "title")]), Select(Field(db.Post, "title"))));
        return json.EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToArray();
    }

    private static async Task<BlogDatabase> SeedAsync(PostgresDatabase database)
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("a", null, ("views", 1), ("slug", "a-slug"), ("price", 1.5m), ("big", 10L), ("published", true),
            ("published_at", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), ("day", new DateOnly(2024, 1, 1)));
        await db.PostAsync("b", null, ("views", 2), ("slug", "b-slug"), ("price", 2.5m), ("big", 20L), ("published", false),
            ("published_at", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)), ("day", new DateOnly(2024, 6, 1)));
        await db.PostAsync("c", null, ("views", 3));
        await db.PostAsync("n");
        return db;
    }

    [Fact]
    public async Task Equal_NullValue_MatchesNullColumns()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["c", "n"], await TitlesAsync(db, Eq(db.Post, "slug", null)));
    }

    [Fact]
    public async Task NotEqual_NullValue_MatchesNonNullColumns()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["a", "b"], await TitlesAsync(db, Cmp(db.Post, "slug", ComparisonOperator.NotEqual, null)));
    }

    [Fact]
    public async Task NotEqual_Value_AlsoMatchesNullColumns()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["b", "c", "n"], await TitlesAsync(db, Cmp(db.Post, "slug", ComparisonOperator.NotEqual, "a-slug")));
    }

    [Theory]
    [InlineData(ComparisonOperator.LessThan, new[] { "a" })]
    [InlineData(ComparisonOperator.LessThanOrEqual, new[] { "a", "b" })]
    [InlineData(ComparisonOperator.GreaterThan, new[] { "c" })]
    [InlineData(ComparisonOperator.GreaterThanOrEqual, new[] { "b", "c" })]
    [InlineData(ComparisonOperator.Equal, new[] { "b" })]
    public async Task Ordering_Int_ComparesAndSkipsNulls(ComparisonOperator op, string[] expected)
    {
        var db = await SeedAsync(database);
        Assert.Equal(expected, await TitlesAsync(db, Cmp(db.Post, "views", op, 2)));
    }

    [Fact]
    public async Task Ordering_AgainstNull_MatchesNothing()
    {
        var db = await SeedAsync(database);
        Assert.Empty(await TitlesAsync(db, Cmp(db.Post, "views", ComparisonOperator.LessThan, null)));
    }

    [Fact]
    public async Task Comparison_EveryValueType_BindsTyped()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["b"], await TitlesAsync(db, Cmp(db.Post, "price", ComparisonOperator.GreaterThan, 2m)));
        Assert.Equal(["a"], await TitlesAsync(db, Eq(db.Post, "big", 10L)));
        Assert.Equal(["a"], await TitlesAsync(db, Eq(db.Post, "published", true)));
        Assert.Equal(["b"], await TitlesAsync(db,
            Cmp(db.Post, "publishedAt", ComparisonOperator.GreaterThan, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(["a"], await TitlesAsync(db, Cmp(db.Post, "day", ComparisonOperator.LessThan, new DateOnly(2024, 3, 1))));
    }

    [Fact]
    public async Task Comparison_IdAndJson_BindAsUuidAndJsonb()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("j", null, ("meta", new Npgsql.NpgsqlParameter { Value = """{"k": [1, 2]}""", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb }));
        await db.PostAsync("other");
        Assert.Equal(["j"], await TitlesAsync(db, Eq(db.Post, "id", id)));
        Assert.Equal(["j"], await TitlesAsync(db, Eq(db.Post, "meta", new JsonText("""{ "k" : [1,2] }"""))));
    }

    [Fact]
    public async Task In_Values_MatchesListedValues()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["a", "c"], await TitlesAsync(db, In(db.Post, "views", false, 1, 3, 99)));
    }

    [Fact]
    public async Task In_EmptyList_MatchesNothing()
    {
        var db = await SeedAsync(database);
        Assert.Empty(await TitlesAsync(db, In(db.Post, "id", false)));
    }

    [Fact]
    public async Task NotIn_EmptyList_MatchesEverythingIncludingNulls()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["a", "b", "c", "n"], await TitlesAsync(db, In(db.Post, "slug", true)));
    }

    [Fact]
    public async Task NotIn_Values_AlsoMatchesNulls()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["b", "c", "n"], await TitlesAsync(db, In(db.Post, "slug", true, "a-slug")));
    }

    [Fact]
    public async Task In_ListWithNull_MatchesNullColumns()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["a", "n"], await TitlesAsync(db, In(db.Post, "views", false, 1, null)));
        Assert.Equal(["b", "c"], await TitlesAsync(db, In(db.Post, "views", true, 1, null)));
    }

    [Theory]
    [InlineData(StringMatchOperator.Contains, "%", new[] { "100% sure" })]
    [InlineData(StringMatchOperator.Contains, "_", new[] { "snake_case" })]
    [InlineData(StringMatchOperator.Contains, "\\", new[] { "back\\slash" })]
    [InlineData(StringMatchOperator.StartsWith, "snake_", new[] { "snake_case" })]
    [InlineData(StringMatchOperator.EndsWith, "% sure", new[] { "100% sure" })]
    [InlineData(StringMatchOperator.Contains, "日本", new[] { "Ünïcødé 日本語" })]
    [InlineData(StringMatchOperator.StartsWith, "Ünï", new[] { "Ünïcødé 日本語" })]
    public async Task StringMatch_SpecialCharacters_MatchLiterally(StringMatchOperator op, string value, string[] expected)
    {
        var db = await BlogDatabase.CreateAsync(database);
        foreach (var title in new[] { "100% sure", "snake_case", "snakeXcase", "back\\slash", "1000 sure", "Ünïcødé 日本語" })
        {
            await db.PostAsync(title);
        }

        Assert.Equal(expected, await TitlesAsync(db, Match(db.Post, "title", op, value)));
    }

    [Fact]
    public async Task StringMatch_Negated_ExcludesMatchesAndNulls()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["b"], await TitlesAsync(db, Match(db.Post, "slug", StringMatchOperator.StartsWith, "a", negated: true)));
    }

    [Fact]
    public async Task Logical_AndOrNot_Combine()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["a", "c"], await TitlesAsync(db, Or(Eq(db.Post, "title", "a"), And(Eq(db.Post, "views", 3), Eq(db.Post, "slug", null)))));
        Assert.Equal(["a", "b", "c", "n"], await TitlesAsync(db, And()));
        Assert.Empty(await TitlesAsync(db, Or()));
    }

    [Fact]
    public async Task Not_ComparisonOnNullColumn_Matches()
    {
        var db = await SeedAsync(database);
        Assert.Equal(["b", "c", "n"], await TitlesAsync(db, new NotFilter(Eq(db.Post, "views", 1))));
    }

    [Fact]
    public async Task ToOne_TargetMatches_MatchesAndNoTargetDoesNot()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var bob = await db.UserAsync("Bob");
        await db.PostAsync("by ada", ada);
        await db.PostAsync("by bob", bob);
        await db.PostAsync("orphan");

        Assert.Equal(["by ada"], await TitlesAsync(db, ToOne(db.Model, db.Post, "author", Eq(db.User, "name", "Ada"))));
        Assert.Equal(["by bob"], await TitlesAsync(db, new NotFilter(Or(
            ToOne(db.Model, db.Post, "author", Eq(db.User, "name", "Ada")), Eq(db.Post, "author", null)))));
    }

    [Fact]
    public async Task ToMany_OneToManyQuantifiers_FollowDocumentedSemantics()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var all = await db.PostAsync("all good");
        var mixed = await db.PostAsync("mixed");
        await db.PostAsync("no comments");
        await db.CommentAsync("good", all);
        await db.CommentAsync("good", all);
        await db.CommentAsync("good", mixed);
        await db.CommentAsync("bad", mixed);
        var good = Eq(db.Comment, "body", "good");

        Assert.Equal(["all good", "mixed"], await TitlesAsync(db, ToMany(db.Model, db.Post, "comments", ToManyQuantifier.Some, good)));
        Assert.Equal(["all good", "no comments"], await TitlesAsync(db, ToMany(db.Model, db.Post, "comments", ToManyQuantifier.Every, good)));
        Assert.Equal(["no comments"], await TitlesAsync(db, ToMany(db.Model, db.Post, "comments", ToManyQuantifier.None, good)));
    }

    [Fact]
    public async Task ToMany_EveryWithNullComparison_TreatsNullAsNotMatching()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        await db.PostAsync("counted", ada, ("views", 5));
        await db.PostAsync("uncounted", ada);

        Assert.Empty((await db.QueryAsync(new FindManyPlan("users", db.User,
            List(ToMany(db.Model, db.User, "posts", ToManyQuantifier.Every, Eq(db.Post, "views", 5))), Select(Field(db.User, "name"))))).EnumerateArray());
    }

    [Fact]
    public async Task ToMany_ManyToManyQuantifiers_FollowDocumentedSemantics()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var red = await db.TagAsync("red");
        var blue = await db.TagAsync("blue");
        var both = await db.PostAsync("both");
        var onlyRed = await db.PostAsync("only red");
        await db.PostAsync("untagged");
        await db.LinkAsync(both, red);
        await db.LinkAsync(both, blue);
        await db.LinkAsync(onlyRed, red);
        var isRed = Eq(db.Tag, "label", "red");

        Assert.Equal(["both", "only red"], await TitlesAsync(db, ToMany(db.Model, db.Post, "tags", ToManyQuantifier.Some, isRed)));
        Assert.Equal(["only red", "untagged"], await TitlesAsync(db, ToMany(db.Model, db.Post, "tags", ToManyQuantifier.Every, isRed)));
        Assert.Equal(["untagged"], await TitlesAsync(db, ToMany(db.Model, db.Post, "tags", ToManyQuantifier.None, isRed)));
    }

    [Fact]
    public async Task RelationFilters_NestedThreeLevels_Match()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        var bob = await db.UserAsync("Bob");
        var adaPost = await db.PostAsync("ada 1", ada);
        await db.PostAsync("ada 2", ada);
        var bobPost = await db.PostAsync("bob 1", bob);
        await db.CommentAsync("needle", adaPost);
        await db.CommentAsync("hay", bobPost);

        // Posts whose author wrote some post that has some comment "needle".
        var filter = ToOne(db.Model, db.Post, "author",
            ToMany(db.Model, db.User, "posts", ToManyQuantifier.Some,
                ToMany(db.Model, db.Post, "comments", ToManyQuantifier.Some, Eq(db.Comment, "body", "needle"))));
        Assert.Equal(["ada 1", "ada 2"], await TitlesAsync(db, filter));
    }
}
