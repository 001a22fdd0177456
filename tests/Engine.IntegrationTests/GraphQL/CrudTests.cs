using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.GraphQL;

[Collection(EngineCollection.Name)]
public sealed class CrudTests(EngineServer engine)
{
    private async Task<string> DefineProductAsync()
    {
        var name = UniqueNames.Resource("Product");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [
              { "name": "sku", "type": "String", "required": true, "unique": true, "maxLength": 12 },
              { "name": "title", "type": "String", "required": true },
              { "name": "price", "type": "Decimal", "precision": 10, "scale": 2, "min": 0 },
              { "name": "stock", "type": "Int", "default": 0, "required": true },
              { "name": "views", "type": "Long" },
              { "name": "rating", "type": "Float" },
              { "name": "active", "type": "Boolean", "default": true },
              { "name": "launchedOn", "type": "Date" },
              { "name": "seenAt", "type": "DateTime" },
              { "name": "attributes", "type": "Json" },
              { "name": "status", "type": "Enum", "values": ["DRAFT", "LIVE"], "default": "DRAFT" }
            ] }
            """);
        return name;
    }

    [Fact]
    public async Task Create_ThenQuery_RoundTripsEveryScalarType()
    {
        var name = await DefineProductAsync();
        var created = await engine.QueryAsync($$"""
            mutation { create{{name}}(data: { sku: "A-1", title: "Lamp", price: "19.99", views: "9007199254740993", rating: 4.5,
              launchedOn: "2026-01-02", seenAt: "2026-03-04T05:06:07Z", attributes: { color: "red", sizes: [1, 2] }, status: LIVE }) {
              id sku title price stock views rating active launchedOn seenAt attributes status createdAt updatedAt __typename } }
            """);

        var p = created[$"create{name}"]!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", p["id"]!.GetValue<string>());
        Assert.Equal("19.99", p["price"]!.GetValue<string>());
        Assert.Equal(0, p["stock"]!.GetValue<int>());
        Assert.Equal("9007199254740993", p["views"]!.GetValue<string>());
        Assert.Equal(4.5, p["rating"]!.GetValue<double>());
        Assert.True(p["active"]!.GetValue<bool>());
        Assert.Equal("2026-01-02", p["launchedOn"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero), p["seenAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("red", p["attributes"]!["color"]!.GetValue<string>());
        Assert.Equal("LIVE", p["status"]!.GetValue<string>());
        Assert.Equal(name, p["__typename"]!.GetValue<string>());

        var id = p["id"]!.GetValue<string>();
        var lower = char.ToLowerInvariant(name[0]) + name[1..];
        var byId = await engine.QueryAsync($"query($id: ID!) {{ {lower}(where: {{ id: $id }}) {{ sku title }} }}", new { id });
        Assert.Equal("Lamp", byId[lower]!["title"]!.GetValue<string>());
        var bySku = await engine.QueryAsync($$"""{ {{lower}}(where: { sku: "A-1" }) { id } }""");
        Assert.Equal(id, bySku[lower]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_WithWhereOrderSkipFirst_ReturnsTheRightPage()
    {
        var name = await DefineProductAsync();
        for (var i = 1; i <= 6; i++)
        {
            await engine.QueryAsync($$"""mutation { create{{name}}(data: { sku: "S-{{i}}", title: "Item {{i}}", stock: {{i * 10}} }) { id } }""");
        }

        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        var data = await engine.QueryAsync($$"""
            { {{plural}}(where: { OR: [{ stock_gte: 30 }, { title_contains: "1" }], NOT: [{ sku: "S-6" }] }, orderBy: stock_DESC, skip: 1, first: 2) { sku stock } }
            """);

        Assert.Equal(["S-4", "S-3"], data[plural]!.AsArray().Select(x => x!["sku"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateUpsertDelete_ChangeRowsAndReportNotFound()
    {
        var name = await DefineProductAsync();
        var plural = name + "s";
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { sku: "U-1", title: "Old" }) { id } }""");

        var updated = await engine.QueryAsync($$"""mutation { update{{name}}(where: { sku: "U-1" }, data: { title: "New", price: "5" }) { title price } }""");
        Assert.Equal("New", updated[$"update{name}"]!["title"]!.GetValue<string>());
        Assert.Equal("5.00", updated[$"update{name}"]!["price"]!.GetValue<string>());

        var upserted = await engine.QueryAsync($$"""
            mutation { a: upsert{{name}}(where: { sku: "U-1" }, create: { sku: "U-1", title: "C" }, update: { title: "Upd" }) { title }
                       b: upsert{{name}}(where: { sku: "U-2" }, create: { sku: "U-2", title: "Created" }, update: { title: "X" }) { title } }
            """);
        Assert.Equal("Upd", upserted["a"]!["title"]!.GetValue<string>());
        Assert.Equal("Created", upserted["b"]!["title"]!.GetValue<string>());

        var many = await engine.QueryAsync($$"""mutation { updateMany{{plural}}(where: { sku_starts_with: "U-" }, data: { stock: 7 }) { count } }""");
        Assert.Equal("2", many[$"updateMany{plural}"]!["count"]!.GetValue<string>());

        var deleted = await engine.QueryAsync($$"""mutation { delete{{name}}(where: { sku: "U-2" }) { sku stock } }""");
        Assert.Equal(7, deleted[$"delete{name}"]!["stock"]!.GetValue<int>());

        var missing = await engine.GraphQLAsync($$"""mutation { delete{{name}}(where: { sku: "U-2" }) { sku } }""");
        Assert.Null(missing["data"]![$"delete{name}"]);
        Assert.Equal("NOT_FOUND", missing["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var rest = await engine.QueryAsync($$"""mutation { deleteMany{{plural}}(where: {}) { count } }""");
        Assert.Equal("1", rest[$"deleteMany{plural}"]!["count"]!.GetValue<string>());
    }

    [Fact]
    public async Task Relation_ConnectByUniqueField_IsReadBack()
    {
        var owner = UniqueNames.Resource("Owner");
        var pet = UniqueNames.Resource("Pet");
        await engine.DefineAsync(owner, $$"""{ "name": "{{owner}}", "fields": [ { "name": "email", "type": "String", "required": true, "unique": true } ] }""");
        await engine.DefineAsync(pet, $$"""
            { "name": "{{pet}}", "fields": [ { "name": "name", "type": "String", "required": true },
              { "name": "owner", "type": "Relation", "target": "{{owner}}", "cardinality": "one", "required": true } ] }
            """);

        await engine.QueryAsync($$"""mutation { create{{owner}}(data: { email: "a@b.c" }) { id } }""");
        var created = await engine.QueryAsync($$"""mutation { create{{pet}}(data: { name: "Rex", owner: { connect: { email: "a@b.c" } } }) { name owner { email } } }""");

        Assert.Equal("a@b.c", created[$"create{pet}"]!["owner"]!["email"]!.GetValue<string>());
        var petsField = char.ToLowerInvariant(pet[0]) + pet[1..] + "s";
        var filtered = await engine.QueryAsync($$"""{ {{petsField}}(where: { owner: { email: "a@b.c" } }) { name } }""");
        Assert.Single(filtered[petsField]!.AsArray());
    }

    [Fact]
    public async Task AddField_IsUsableByTheNextRequest()
    {
        var name = UniqueNames.Resource("Note");
        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "text", "type": "String" } ] }""");
        await engine.QueryAsync($$"""mutation { create{{name}}(data: { text: "hi" }) { id } }""");

        await engine.DefineAsync(name, $$"""{ "name": "{{name}}", "fields": [ { "name": "text", "type": "String" }, { "name": "pinned", "type": "Boolean", "default": false, "required": true } ] }""");

        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        var data = await engine.QueryAsync($$"""{ {{plural}}(where: { pinned: false }) { text pinned } }""");
        Assert.False(data[plural]![0]!["pinned"]!.GetValue<bool>());
        var type = await engine.QueryAsync($$"""{ __type(name: "{{name}}") { fields { name } } }""");
        Assert.Contains(type["__type"]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "pinned");
    }

    [Fact]
    public async Task List_WithoutOrderBy_ReturnsRecordsInCreationOrder()
    {
        var name = await DefineProductAsync();
        var creates = string.Join(" ", Enumerable.Range(1, 8).Select(i => $$"""c{{i}}: create{{name}}(data: { sku: "O-{{i}}", title: "T" }) { id }"""));
        await engine.QueryAsync("mutation { " + creates + " }");

        var plural = char.ToLowerInvariant(name[0]) + name[1..] + "s";
        var data = await engine.QueryAsync($"{{ {plural} {{ sku }} }}");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"O-{i}"), data[plural]!.AsArray().Select(x => x!["sku"]!.GetValue<string>()));
    }
}
