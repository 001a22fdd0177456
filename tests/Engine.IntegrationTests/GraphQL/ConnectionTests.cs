using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.GraphQL;

/// <summary><c>&lt;plural&gt;Connection</c> and cursor arguments end to end: paging, pageInfo, aggregate, cursor errors, limits.</summary>
[Collection(EngineCollection.Name)]
public sealed class ConnectionTests(EngineServer engine)
{
    private const string Page = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { label rank } }";

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>An <c>Entry</c> resource with entries labelled and ranked as given, created in order (so ids ascend).</summary>
    private async Task<string> DefineEntriesAsync(params (string Label, int? Rank)[] entries)
    {
        var name = UniqueNames.Resource("Entry");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [
              { "name": "label", "type": "String", "required": true },
              { "name": "rank", "type": "Int" } ] }
            """);
        foreach (var (label, rank) in entries)
        {
            await CreateAsync(name, label, rank);
        }

        return name;
    }

    private Task CreateAsync(string name, string label, int? rank) =>
        engine.QueryAsync($$"""mutation { create{{name}}(data: { label: "{{label}}", rank: {{rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}} }) { id } }""");

    private async Task<JsonNode> ConnectionAsync(string name, string arguments, string selection = Page)
    {
        var field = Lower(name) + "sConnection";
        var data = await engine.QueryAsync($"{{ {field}{(arguments.Length > 0 ? $"({arguments})" : string.Empty)} {{ {selection} }} }}");
        return data[field]!;
    }

    private static string[] Labels(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["label"]!.GetValue<string>()).ToArray();

    private static string Code(JsonNode response) => response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Theory]
    [InlineData("rank_ASC", new[] { "b", "d", "a", "e", "c", "f", "g" })]
    [InlineData("rank_DESC", new[] { "f", "g", "c", "a", "e", "b", "d" })]
    public async Task Connection_PagingForwardThenBackward_VisitsEveryRowOnceInOrder(string orderBy, string[] expected)
    {
        var name = await DefineEntriesAsync(("a", 2), ("b", 1), ("c", 3), ("d", 1), ("e", 2), ("f", null), ("g", null));

        var forward = new List<string>();
        var arguments = $"orderBy: {orderBy}, first: 3";
        while (true)
        {
            var page = await ConnectionAsync(name, arguments);
            forward.AddRange(Labels(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            arguments = $"orderBy: {orderBy}, first: 3, after: \"{page["pageInfo"]!["endCursor"]}\"";
        }

        var backward = new List<string>();
        arguments = $"orderBy: {orderBy}, last: 3";
        while (true)
        {
            var page = await ConnectionAsync(name, arguments);
            backward.InsertRange(0, Labels(page));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            arguments = $"orderBy: {orderBy}, last: 3, before: \"{page["pageInfo"]!["startCursor"]}\"";
        }

        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task Connection_RowsInsertedBeforeTheCursor_LeaveTheNextPageWhereItWas()
    {
        var name = await DefineEntriesAsync(("r10", 10), ("r20", 20), ("r30", 30), ("r40", 40));
        var first = await ConnectionAsync(name, "orderBy: rank_ASC, first: 2");
        Assert.Equal(["r10", "r20"], Labels(first));

        await CreateAsync(name, "r5", 5);
        await CreateAsync(name, "r15", 15);
        await CreateAsync(name, "r25", 25);
        var next = await ConnectionAsync(name, $"orderBy: rank_ASC, first: 2, after: \"{first["pageInfo"]!["endCursor"]}\"");

        Assert.Equal(["r25", "r30"], Labels(next));
        Assert.True(next["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(next["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Connection_EveryCombinationOfFirstLastAfterBefore_HasRelayPageInfo()
    {
        var name = await DefineEntriesAsync(("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5));
        var all = await ConnectionAsync(name, string.Empty);
        var cursors = all["edges"]!.AsArray().ToDictionary(e => e!["node"]!["label"]!.GetValue<string>(), e => e!["cursor"]!.GetValue<string>());
        Assert.Equal(["A", "B", "C", "D", "E"], Labels(all));
        Assert.False(all["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(all["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());

        (string Arguments, string[] Labels, bool HasNext, bool HasPrevious)[] cases =
        [
            ("first: 2", ["A", "B"], true, false),
            ("first: 2, after: B", ["C", "D"], true, true),
            ("first: 2, after: D", ["E"], false, true),
            ("first: 2, after: E", [], false, true),
            ("last: 2", ["D", "E"], false, true),
            ("last: 2, before: D", ["B", "C"], true, true),
            ("last: 2, before: B", ["A"], true, false),
            ("last: 2, before: A", [], true, false),
            ("first: 2, before: D", ["A", "B"], true, false),
            ("first: 5, before: D", ["A", "B", "C"], true, false),
            ("last: 2, after: B", ["D", "E"], false, true),
            ("last: 5, after: B", ["C", "D", "E"], false, true),
            ("after: B, before: E", ["C", "D"], true, true),
            ("last: 10", ["A", "B", "C", "D", "E"], false, false),
            ("first: 0", [], true, false),
            ("first: 4, last: 2", ["C", "D"], true, true),
            ("skip: 1, first: 2", ["B", "C"], true, true),
            ("skip: 1, last: 2", ["C", "D"], true, true),
            ("skip: 9, first: 2", [], false, true),
        ];
        foreach (var (arguments, labels, hasNext, hasPrevious) in cases)
        {
            var withCursors = System.Text.RegularExpressions.Regex.Replace(arguments, "(after|before): ([A-E])", m => $"{m.Groups[1]}: \"{cursors[m.Groups[2].Value]}\"");
            var page = await ConnectionAsync(name, withCursors);
            var pageInfo = page["pageInfo"]!;
            var actual = (Labels(page), pageInfo["hasNextPage"]!.GetValue<bool>(), pageInfo["hasPreviousPage"]!.GetValue<bool>());
            Assert.True(actual.Item1.SequenceEqual(labels) && actual.Item2 == hasNext && actual.Item3 == hasPrevious,
                $"({arguments}): got [{string.Join(",", actual.Item1)}] next={actual.Item2} previous={actual.Item3}");
            Assert.Equal(labels.Length == 0 ? null : cursors[labels[0]], pageInfo["startCursor"]?.GetValue<string>());
            Assert.Equal(labels.Length == 0 ? null : cursors[labels[^1]], pageInfo["endCursor"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Connection_Aggregate_CountsRowsMatchingWhereWhatever_ThePage()
    {
        var name = await DefineEntriesAsync(("a", 1), ("b", 2), ("c", 3), ("d", null));

        var page = await ConnectionAsync(name, "where: { rank_gte: 2 }, first: 1",
            "aggregate { count __typename } edges { node { label } } n: aggregate { total: count }");

        Assert.Equal(2, page["aggregate"]!["count"]!.GetValue<int>());
        Assert.Equal("Aggregate" + name, page["aggregate"]!["__typename"]!.GetValue<string>());
        Assert.Equal(2, page["n"]!["total"]!.GetValue<int>());
        Assert.Equal(["b"], page["edges"]!.AsArray().Select(e => e!["node"]!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Lists_AfterAndBefore_BoundRootAndToManyFields()
    {
        var author = UniqueNames.Resource("Writer");
        var book = UniqueNames.Resource("Book");
        await engine.DefineAsync(author, $$"""{ "name": "{{author}}", "fields": [ { "name": "name", "type": "String", "required": true } ] }""");
        await engine.DefineAsync(book, $$"""
            { "name": "{{book}}", "fields": [
              { "name": "title", "type": "String", "required": true },
              { "name": "writer", "type": "Relation", "target": "{{author}}", "cardinality": "one" } ] }
            """);
        await engine.DefineAsync(author, $$"""
            { "name": "{{author}}", "fields": [
              { "name": "name", "type": "String", "required": true },
              { "name": "books", "type": "Relation", "target": "{{book}}", "cardinality": "many", "inverse": "writer" } ] }
            """);
        var writerId = (await engine.QueryAsync($$"""mutation { create{{author}}(data: { name: "Ada" }) { id } }"""))[$"create{author}"]!["id"]!.GetValue<string>();
        foreach (var title in new[] { "t1", "t2", "t3", "t4" })
        {
            await engine.QueryAsync($$"""mutation { create{{book}}(data: { title: "{{title}}", writer: { connect: { id: "{{writerId}}" } } }) { id } }""");
        }

        var books = Lower(book) + "s";
        var cursors = (await engine.QueryAsync($"{{ {books}Connection(orderBy: title_ASC) {{ edges {{ cursor }} }} }}"))[$"{books}Connection"]!["edges"]!
            .AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToArray();
        var data = await engine.QueryAsync($$"""
            { {{books}}(orderBy: title_ASC, after: "{{cursors[0]}}", first: 2) { title }
              {{Lower(author)}}s { books(orderBy: title_ASC, before: "{{cursors[3]}}", last: 2) { title } } }
            """);

        Assert.Equal(["t2", "t3"], data[books]!.AsArray().Select(b => b!["title"]!.GetValue<string>()));
        Assert.Equal(["t2", "t3"], data[$"{Lower(author)}s"]![0]!["books"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Connection_CursorFromAnotherOrderBy_IsBadUserInput()
    {
        var name = await DefineEntriesAsync(("a", 1), ("b", 2));
        var cursor = (await ConnectionAsync(name, "orderBy: rank_ASC, first: 1"))["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await engine.GraphQLAsync($"{{ {Lower(name)}sConnection(orderBy: label_ASC, after: \"{cursor}\") {{ edges {{ cursor }} }} }}");

        Assert.Equal("BAD_USER_INPUT", Code(response));
        Assert.Equal("after", response["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Contains("rank_ASC", response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("eyJ2IjoxfQ")]
    public async Task Connection_GarbageCursor_IsBadUserInput(string cursor)
    {
        var name = await DefineEntriesAsync(("a", 1));

        var response = await engine.GraphQLAsync($"{{ {Lower(name)}sConnection(before: \"{cursor}\") {{ edges {{ cursor }} }} }}");

        Assert.Equal("BAD_USER_INPUT", Code(response));
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task Query_OverTheNodeEstimate_IsBadUserInputNamingTheLimit()
    {
        var name = await DefineEntriesAsync();

        var response = await engine.GraphQLAsync($"{{ a: {Lower(name)}s {{ id }} b: {Lower(name)}sConnection {{ edges {{ node {{ id }} }} }} c: {Lower(name)}s(first: 1000) {{ id }} d: {Lower(name)}sConnection(last: 1000) {{ edges {{ node {{ id }} }} }} }}");
        Assert.Null(response["errors"]);

        var lists = string.Concat(Enumerable.Range(0, 1001).Select(i => $" l{i}: {Lower(name)}s {{ id }}"));
        var over = await engine.GraphQLAsync($"{{{lists} }}");

        Assert.Equal("BAD_USER_INPUT", Code(over));
        Assert.Contains("Engine:MaxQueryNodes", over["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
