using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Metadata.Naming;
using Engine.Testing;

namespace Engine.IntegrationTests.GraphQL;

/// <summary>Nested writes over HTTP (SPEC §3): every operation on to-one and to-many relations, and rollback of a failing mutation.</summary>
[Collection(EngineCollection.Name)]
public sealed class NestedWriteTests(EngineServer engine)
{
    /// <summary>
    /// Writer ← Article (optional to-one <c>author</c>, one-to-many <c>articles</c>), Article ← Remark (required, one-to-many
    /// <c>remarks</c>), Article → Label (many-to-many <c>labels</c>, seen from one side).
    /// </summary>
    private sealed record Blog(string Writer, string Article, string Remark, string Label)
    {
        public string ArticleField => NameConventions.ToCamelCase(Article);

        public string Table(string resource) => $"data.\"{NameConventions.ToSnakeCase(resource)}\"";
    }

    private async Task<Blog> DefineBlogAsync()
    {
        var blog = new Blog(UniqueNames.Resource("Writer"), UniqueNames.Resource("Article"), UniqueNames.Resource("Remark"), UniqueNames.Resource("Label"));
        await engine.DefineAsync(blog.Writer, $$"""
            { "name": "{{blog.Writer}}", "plural": "{{blog.Writer}}s", "fields": [
              { "name": "name", "type": "String", "required": true }, { "name": "email", "type": "String", "unique": true } ] }
            """);
        await engine.DefineAsync(blog.Label, $$"""
            { "name": "{{blog.Label}}", "plural": "{{blog.Label}}s", "fields": [ { "name": "label", "type": "String", "required": true, "unique": true } ] }
            """);
        var article = $$"""
            { "name": "{{blog.Article}}", "plural": "{{blog.Article}}s", "fields": [
              { "name": "title", "type": "String", "required": true, "maxLength": 20 },
              { "name": "slug", "type": "String", "unique": true },
              { "name": "author", "type": "Relation", "target": "{{blog.Writer}}", "cardinality": "one", "onDelete": "SET_NULL" }
              %MORE% ] }
            """;
        await engine.DefineAsync(blog.Article, article.Replace("%MORE%", "", StringComparison.Ordinal));
        await engine.DefineAsync(blog.Remark, $$"""
            { "name": "{{blog.Remark}}", "plural": "{{blog.Remark}}s", "fields": [
              { "name": "body", "type": "String", "required": true },
              { "name": "slug", "type": "String", "unique": true },
              { "name": "article", "type": "Relation", "target": "{{blog.Article}}", "cardinality": "one", "required": true, "onDelete": "CASCADE" } ] }
            """);
        await engine.DefineAsync(blog.Article, article.Replace("%MORE%", $$"""
            , { "name": "remarks", "type": "Relation", "target": "{{blog.Remark}}", "cardinality": "many", "inverse": "article" },
              { "name": "labels", "type": "Relation", "target": "{{blog.Label}}", "cardinality": "many" }
            """, StringComparison.Ordinal));
        await engine.DefineAsync(blog.Writer, $$"""
            { "name": "{{blog.Writer}}", "plural": "{{blog.Writer}}s", "fields": [
              { "name": "name", "type": "String", "required": true }, { "name": "email", "type": "String", "unique": true },
              { "name": "articles", "type": "Relation", "target": "{{blog.Article}}", "cardinality": "many", "inverse": "author" } ] }
            """);
        return blog;
    }

    private const string ArticleSelection = "title author { name } remarks(orderBy: slug_ASC) { slug body } labels(orderBy: label_ASC) { label }";

    [Fact]
    public async Task Create_NestedCreatesAndConnectsOfEveryRelationKind_AreReadBack()
    {
        var blog = await DefineBlogAsync();
        await engine.QueryAsync($$"""mutation { create{{blog.Label}}(data: { label: "old" }) { id } }""");

        var data = await engine.QueryAsync($$"""
            mutation { create{{blog.Article}}(data: { title: "Hello", slug: "hello",
                author: { create: { name: "Ada", email: "ada@x" } },
                remarks: { create: [{ body: "first", slug: "r1" }, { body: "second", slug: "r2" }] },
                labels: { create: [{ label: "new" }], connect: [{ label: "old" }] } }) { {{ArticleSelection}} } }
            """);

        var article = data[$"create{blog.Article}"]!;
        Assert.Equal("Ada", article["author"]!["name"]!.GetValue<string>());
        Assert.Equal(["first", "second"], Strings(article["remarks"], "body"));
        Assert.Equal(["new", "old"], Strings(article["labels"], "label"));

        var writer = await engine.QueryAsync($$"""
            mutation { create{{blog.Writer}}(data: { name: "Bo", articles: { create: [{ title: "By Bo", remarks: { create: [{ body: "deep" }] } }] } }) {
                name articles(first: 10) { title author { name } remarks(first: 10) { body } } } }
            """);
        var written = writer[$"create{blog.Writer}"]!["articles"]![0]!;
        Assert.Equal("Bo", written["author"]!["name"]!.GetValue<string>());
        Assert.Equal("deep", written["remarks"]![0]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ToManyOperations_ChangeTheRelatedRecords()
    {
        var blog = await DefineBlogAsync();
        await engine.QueryAsync($$"""
            mutation { a: create{{blog.Label}}(data: { label: "a" }) { id } b: create{{blog.Label}}(data: { label: "b" }) { id }
                       c: create{{blog.Label}}(data: { label: "c" }) { id }
                       other: create{{blog.Article}}(data: { title: "Other", slug: "other", remarks: { create: [{ body: "moved", slug: "m" }] } }) { id }
                       create{{blog.Article}}(data: { title: "Main", slug: "main", labels: { connect: [{ label: "a" }, { label: "b" }] },
                         remarks: { create: [{ body: "keep", slug: "k" }, { body: "bulk 1", slug: "b1" }, { body: "bulk 2", slug: "b2" },
                                             { body: "gone", slug: "g" }, { body: "old", slug: "o" }] } }) { id } }
            """);

        var data = await engine.QueryAsync($$"""
            mutation { update{{blog.Article}}(where: { slug: "main" }, data: {
                remarks: {
                  update: [{ where: { slug: "k" }, data: { body: "kept" } }],
                  updateMany: [{ where: { body_starts_with: "bulk" }, data: { body: "bulked" } }],
                  delete: [{ slug: "g" }],
                  deleteMany: [{ body: "old" }],
                  upsert: [{ where: { slug: "u" }, update: { body: "never" }, create: { body: "upserted", slug: "u" } }],
                  create: [{ body: "new", slug: "n" }],
                  connect: [{ slug: "m" }] },
                labels: { set: [{ label: "b" }, { label: "c" }] } }) { {{ArticleSelection}} } }
            """);

        var article = data[$"update{blog.Article}"]!;
        Assert.Equal(["b1", "b2", "k", "m", "n", "u"], Strings(article["remarks"], "slug"));
        Assert.Equal(["bulked", "bulked", "kept", "moved", "new", "upserted"], Strings(article["remarks"], "body"));
        Assert.Equal(["b", "c"], Strings(article["labels"], "label"));

        var again = await engine.QueryAsync($$"""
            mutation { update{{blog.Article}}(where: { slug: "main" }, data: {
                remarks: { upsert: [{ where: { slug: "u" }, update: { body: "updated" }, create: { body: "never" } }] },
                labels: { disconnect: [{ label: "b" }], connect: [{ label: "a" }] } }) { {{ArticleSelection}} } }
            """);
        Assert.Contains("updated", Strings(again[$"update{blog.Article}"]!["remarks"], "body"));
        Assert.Equal(["a", "c"], Strings(again[$"update{blog.Article}"]!["labels"], "label"));
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Remark)} WHERE slug IN ('g', 'o')"));
        Assert.Equal(3L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Label)}"));
    }

    [Fact]
    public async Task Update_ToOneOperations_ActOnTheConnectedRecord()
    {
        var blog = await DefineBlogAsync();
        await engine.QueryAsync($$"""mutation { create{{blog.Article}}(data: { title: "T", slug: "t", author: { create: { name: "Ada" } } }) { id } }""");

        async Task<JsonNode?> UpdateAsync(string author) =>
            (await engine.QueryAsync($$"""mutation { update{{blog.Article}}(where: { slug: "t" }, data: { author: { {{author}} } }) { author { name } } }"""))
                [$"update{blog.Article}"]!["author"];

        Assert.Equal("Ada L.", (await UpdateAsync("""update: { name: "Ada L." }"""))!["name"]!.GetValue<string>());
        Assert.Equal("Ada K.", (await UpdateAsync("""upsert: { update: { name: "Ada K." }, create: { name: "never" } }"""))!["name"]!.GetValue<string>());
        Assert.Null(await UpdateAsync("disconnect: true"));
        Assert.Equal(1L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Writer)}"));
        Assert.Equal("Cy", (await UpdateAsync("""upsert: { update: { name: "never" }, create: { name: "Cy" } }"""))!["name"]!.GetValue<string>());
        Assert.Null(await UpdateAsync("delete: true"));
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Writer)} WHERE name = 'Cy'"));

        var missing = await engine.GraphQLAsync($$"""mutation { update{{blog.Article}}(where: { slug: "t" }, data: { title: "X", author: { update: { name: "Nobody" } } }) { title } }""");
        Assert.Equal("NOT_FOUND", missing["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("T", await engine.Database.ScalarAsync($"SELECT title FROM {blog.Table(blog.Article)} WHERE slug = 't'"));
    }

    [Fact]
    public async Task Create_UniqueViolationInTheThirdNestedCreate_LeavesNothingBehind()
    {
        var blog = await DefineBlogAsync();

        var response = await engine.GraphQLAsync($$"""
            mutation { create{{blog.Article}}(data: { title: "Doomed", author: { create: { name: "Ada" } }, labels: { create: [{ label: "l" }] },
                remarks: { create: [{ body: "1", slug: "same" }, { body: "2", slug: "other" }, { body: "3", slug: "same" }] } }) { id } }
            """);

        var error = response["errors"]![0]!;
        Assert.Equal("UNIQUE_VIOLATION", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("data.remarks.create[2].slug", error["extensions"]!["field"]!.GetValue<string>());
        Assert.Null(response["data"]);
        foreach (var resource in new[] { blog.Article, blog.Remark, blog.Writer, blog.Label })
        {
            Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(resource)}"));
        }

        Assert.Equal(0L, await engine.Database.ScalarAsync(
            $"SELECT count(*) FROM data.\"{NameConventions.ToSnakeCase(blog.Article)}_labels\""));
    }

    [Fact]
    public async Task Update_NestedConnectToAMissingRecord_IsNotFoundAndRollsEverythingBack()
    {
        var blog = await DefineBlogAsync();
        await engine.QueryAsync($$"""mutation { create{{blog.Article}}(data: { title: "Before", slug: "s" }) { id } }""");

        var response = await engine.GraphQLAsync($$"""
            mutation { update{{blog.Article}}(where: { slug: "s" }, data: { title: "After", remarks: { create: [{ body: "x" }] },
                labels: { create: [{ label: "fresh" }], connect: [{ label: "missing" }] } }) { title } }
            """);

        var error = response["errors"]![0]!;
        Assert.Equal("NOT_FOUND", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("data.labels.connect[0]", error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("Before", await engine.Database.ScalarAsync($"SELECT title FROM {blog.Table(blog.Article)}"));
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Remark)}"));
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Label)}"));
    }

    [Fact]
    public async Task Nested_InvalidInputs_AreBadUserInputWithPathsBeforeAnySql()
    {
        var blog = await DefineBlogAsync();

        var response = await engine.GraphQLAsync($$"""
            mutation { create{{blog.Writer}}(data: { name: "Ada", articles: { create: [{ title: "ok" }, { title: "a title that is far too long" }] } }) { id } }
            """);
        Assert.Equal("data.articles.create[1].title", response["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());

        var disconnect = await engine.GraphQLAsync($$"""
            mutation { update{{blog.Article}}(where: { slug: "x" }, data: { remarks: { disconnect: [{ slug: "r" }] } }) { id } }
            """);
        Assert.Equal("BAD_USER_INPUT", disconnect["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM {blog.Table(blog.Writer)}"));
    }

    private static string[] Strings(JsonNode? list, string key) => list!.AsArray().Select(x => x![key]!.GetValue<string>()).ToArray();
}
