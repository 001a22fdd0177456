using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;

namespace Engine.IntegrationTests.Access;

/// <summary>
/// Access rules over GraphQL with real tokens (SPEC §1 <c>access</c>, §6): row filters with claims on every read and
/// write, no leak through lists, connections, nested relations or relation filters, and refused writes leave nothing.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GraphQLAccessTests(EngineServer engine)
{
    [Fact]
    public async Task Read_CustomerWithClaim_SeesOnlyOwnRowsInListsConnectionsAndBothRelationDirections()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var mine = await world.CustomerAsync(engine, "Mine");
        var other = await world.CustomerAsync(engine, "Other");
        await world.InvoiceAsync(engine, AccessWorld.Unique("m1"), tenant, mine);
        await world.InvoiceAsync(engine, AccessWorld.Unique("m2"), tenant, mine);
        await world.InvoiceAsync(engine, AccessWorld.Unique("o1"), tenant, other);
        using var caller = await AccessCaller.CreateAsync(engine, ["acc-customer"], new Dictionary<string, string> { ["customerId"] = mine });

        var data = await caller.QueryAsync($$"""
            {
              {{world.Invoices}} { number customer { id name } }
              {{world.Invoices}}Connection { aggregate { count } }
              {{world.Customers}} { id invoices { number } }
            }
            """);

        var invoices = data[world.Invoices]!.AsArray();
        Assert.Equal(2, invoices.Count);
        Assert.All(invoices, i => Assert.Equal(mine, i!["customer"]!["id"]!.GetValue<string>()));
        Assert.Equal(2, data[world.Invoices + "Connection"]!["aggregate"]!["count"]!.GetValue<int>());
        var customer = Assert.Single(data[world.Customers]!.AsArray());
        Assert.Equal(mine, customer!["id"]!.GetValue<string>());
        Assert.Equal(2, customer["invoices"]!.AsArray().Count);
    }

    [Fact]
    public async Task Read_RelationFilterSome_RangesOnlyOverRowsTheCallerMayRead()
    {
        var world = await AccessWorld.OfAsync(engine);
        var number = AccessWorld.Unique("x");
        var customer = await world.CustomerAsync(engine, "Elsewhere");
        await world.InvoiceAsync(engine, number, AccessWorld.Unique("t"), customer);
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = AccessWorld.Unique("t") });
        var query = $$"""
            { {{world.Customers}}(where: { invoices_some: { number: "{{number}}" } }) { id }
              all: {{world.Customers}}(where: { id: "{{customer}}" }) { id invoices { number } } }
            """;

        var asClerk = await clerk.QueryAsync(query);
        var asAdmin = await engine.QueryAsync(query);

        Assert.Empty(asClerk[world.Customers]!.AsArray());
        Assert.Empty(Assert.Single(asClerk["all"]!.AsArray())!["invoices"]!.AsArray());
        Assert.Single(asAdmin[world.Customers]!.AsArray());
    }

    [Fact]
    public async Task Read_ClaimMissing_MatchesNothingNotNullRows()
    {
        var world = await AccessWorld.OfAsync(engine);
        var number = AccessWorld.Unique("n");
        await engine.QueryAsync($$"""mutation { create{{world.Invoice}}(data: { number: "{{number}}" }) { id } }""");
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string>());

        var data = await clerk.QueryAsync($$"""{ {{world.Invoices}}(where: { number: "{{number}}" }) { id } }""");

        Assert.Empty(data[world.Invoices]!.AsArray());
    }

    [Fact]
    public async Task UpdateManyAndDeleteMany_CountOnlyRowsOfTheCallersTenant()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var prefix = AccessWorld.Unique("b");
        await world.InvoiceAsync(engine, prefix + "1", tenant);
        await world.InvoiceAsync(engine, prefix + "2", tenant);
        var foreign = await world.InvoiceAsync(engine, prefix + "3", AccessWorld.Unique("t"));
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = tenant });

        var updated = await clerk.QueryAsync($$"""
            mutation { updateMany{{world.Invoice}}s(where: { number_starts_with: "{{prefix}}" }, data: { total: 99 }) { count } }
            """);
        var deleted = await clerk.QueryAsync($$"""mutation { deleteMany{{world.Invoice}}s(where: { number_starts_with: "{{prefix}}" }) { count } }""");

        Assert.Equal("2", updated["updateMany" + world.Invoice + "s"]!["count"]!.ToString());
        Assert.Equal("2", deleted["deleteMany" + world.Invoice + "s"]!["count"]!.ToString());
        var left = await engine.QueryAsync($$"""{ {{world.InvoiceField}}(where: { id: "{{foreign}}" }) { total } }""");
        Assert.Equal(10, left[world.InvoiceField]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_OwnRowAllowed_OtherTenantsRowNotFound_MovingOutForbidden()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var own = await world.InvoiceAsync(engine, AccessWorld.Unique("u"), tenant);
        var foreign = await world.InvoiceAsync(engine, AccessWorld.Unique("u"), AccessWorld.Unique("t"));
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = tenant });
        string Update(string id, string data) => $$"""mutation { update{{world.Invoice}}(where: { id: "{{id}}" }, data: { {{data}} }) { total tenant } }""";

        var allowed = await clerk.QueryAsync(Update(own, "total: 5"));
        var foreignResult = await clerk.GraphQLAsync(Update(foreign, "total: 5"));
        var movedOut = await clerk.GraphQLAsync(Update(own, "total: 7, tenant: \"elsewhere\""));

        Assert.Equal(5, allowed["update" + world.Invoice]!["total"]!.GetValue<int>());
        Assert.Equal("NOT_FOUND", Code(foreignResult));
        Assert.Equal("FORBIDDEN", Code(movedOut));
        var row = await engine.QueryAsync($$"""{ {{world.InvoiceField}}(where: { id: "{{own}}" }) { total tenant } }""");
        Assert.Equal(5, row[world.InvoiceField]!["total"]!.GetValue<int>());
        Assert.Equal(tenant, row[world.InvoiceField]!["tenant"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_InsideTheTenantAllowed_OutsideForbiddenAndLeavesNothing()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var inside = AccessWorld.Unique("c");
        var outside = AccessWorld.Unique("c");
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = tenant });

        var created = await clerk.QueryAsync($$"""mutation { create{{world.Invoice}}(data: { number: "{{inside}}", tenant: "{{tenant}}" }) { number } }""");
        var refused = await clerk.GraphQLAsync($$"""mutation { create{{world.Invoice}}(data: { number: "{{outside}}", tenant: "other" }) { number } }""");

        Assert.Equal(inside, created["create" + world.Invoice]!["number"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", Code(refused));
        Assert.Equal(0L, await CountAsync(world, outside));
    }

    [Fact]
    public async Task Delete_OwnRowAllowed_OtherTenantsRowNotFoundAndKept()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var ownNumber = AccessWorld.Unique("d");
        var foreignNumber = AccessWorld.Unique("d");
        var own = await world.InvoiceAsync(engine, ownNumber, tenant);
        var foreign = await world.InvoiceAsync(engine, foreignNumber, AccessWorld.Unique("t"));
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = tenant });

        await clerk.QueryAsync($$"""mutation { delete{{world.Invoice}}(where: { id: "{{own}}" }) { id } }""");
        var refused = await clerk.GraphQLAsync($$"""mutation { delete{{world.Invoice}}(where: { id: "{{foreign}}" }) { id } }""");

        Assert.Equal("NOT_FOUND", Code(refused));
        Assert.Equal(0L, await CountAsync(world, ownNumber));
        Assert.Equal(1L, await CountAsync(world, foreignNumber));
    }

    [Fact]
    public async Task Writes_ActionNotGranted_AreRefusedAndChangeNothing()
    {
        var world = await AccessWorld.OfAsync(engine);
        var customer = await world.CustomerAsync(engine, "Reader");
        var number = AccessWorld.Unique("r");
        var id = await world.InvoiceAsync(engine, number, AccessWorld.Unique("t"), customer);
        using var reader = await AccessCaller.CreateAsync(engine, ["acc-customer"], new Dictionary<string, string> { ["customerId"] = customer });
        var fresh = AccessWorld.Unique("r");

        var create = await reader.GraphQLAsync($$"""mutation { create{{world.Invoice}}(data: { number: "{{fresh}}" }) { number } }""");
        var update = await reader.GraphQLAsync($$"""mutation { update{{world.Invoice}}(where: { id: "{{id}}" }, data: { total: 1 }) { number } }""");
        var delete = await reader.GraphQLAsync($$"""mutation { delete{{world.Invoice}}(where: { id: "{{id}}" }) { number } }""");

        // FORBIDDEN, or (once the schema is cut per role) a document that does not validate: either way nothing runs.
        Assert.All([create, update, delete], r => Assert.NotNull(r["errors"]));
        Assert.Equal(0L, await CountAsync(world, fresh));
        var row = await engine.QueryAsync($$"""{ {{world.InvoiceField}}(where: { id: "{{id}}" }) { total } }""");
        Assert.Equal(10, row[world.InvoiceField]!["total"]!.GetValue<int>());
    }

    private async Task<long> CountAsync(AccessWorld world, string number)
    {
        var data = await engine.QueryAsync($$"""{ {{world.Invoices}}Connection(where: { number: "{{number}}" }) { aggregate { count } } }""");
        return data[world.Invoices + "Connection"]!["aggregate"]!["count"]!.GetValue<int>();
    }

    private static string? Code(JsonNode response) => response["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
