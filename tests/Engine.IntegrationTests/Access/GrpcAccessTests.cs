using Engine.IntegrationTests.Grpc;
using Engine.IntegrationTests.Support;
using Grpc.Core;

namespace Engine.IntegrationTests.Access;

/// <summary>
/// Access rules over gRPC with real tokens: lists and gets only return permitted rows, unreadable fields stay unset,
/// filters and orderings on them and writes of fields outside the allow-list are PERMISSION_DENIED.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcAccessTests(EngineServer engine)
{
    [Fact]
    public async Task GetAndList_FieldAllowList_LeavesUnreadableFieldsUnsetAndShowsOnlyTenantRows()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var customer = await world.CustomerAsync(engine, "Masked");
        var own = await world.InvoiceAsync(engine, AccessWorld.Unique("g"), tenant, customer, total: 42);
        var foreign = await world.InvoiceAsync(engine, AccessWorld.Unique("g"), AccessWorld.Unique("t"));
        using var junior = await AccessCaller.CreateAsync(engine, ["acc-junior"], new Dictionary<string, string> { ["tenant"] = tenant });
        var service = await ReflectedService.LoadAsync(junior.Channel, Service(world.Invoice));

        var got = await service.CallAsync("Get" + world.Invoice, new Dictionary<string, object?> { ["id"] = own });
        var listed = await service.CallAsync("List" + world.Invoice + "s", new Dictionary<string, object?>());
        var hidden = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Get" + world.Invoice, new Dictionary<string, object?> { ["id"] = foreign }));

        Assert.Equal(tenant, got["tenant"]);
        Assert.False(got.ContainsKey("total"));
        Assert.False(got.ContainsKey("customer_id"));
        var row = Assert.Single(Rows(listed));
        Assert.Equal(own, row["id"]);
        Assert.False(row.ContainsKey("total"));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task List_FilterOrOrderOnUnreadableField_IsPermissionDenied()
    {
        var world = await AccessWorld.OfAsync(engine);
        using var junior = await AccessCaller.CreateAsync(engine, ["acc-junior"], new Dictionary<string, string> { ["tenant"] = AccessWorld.Unique("t") });
        var service = await ReflectedService.LoadAsync(junior.Channel, Service(world.Invoice));

        var filtered = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("List" + world.Invoice + "s", new Dictionary<string, object?> { ["filter"] = "total > 1" }));
        var ordered = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("List" + world.Invoice + "s", new Dictionary<string, object?> { ["order_by"] = "total desc" }));

        Assert.Equal(StatusCode.PermissionDenied, filtered.StatusCode);
        Assert.Contains("total", filtered.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, ordered.StatusCode);
    }

    [Fact]
    public async Task Create_AllowedFieldsInsideTenantWork_OtherFieldsOrTenantsArePermissionDeniedAndLeaveNothing()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        using var junior = await AccessCaller.CreateAsync(engine, ["acc-junior"], new Dictionary<string, string> { ["tenant"] = tenant });
        var service = await ReflectedService.LoadAsync(junior.Channel, Service(world.Invoice));
        var message = service.Method("Create" + world.Invoice).InputType.FindFieldByNumber(1).Name;
        Dictionary<string, object?> Create(Dictionary<string, object?> fields) => new() { [message] = fields };
        var ok = AccessWorld.Unique("k");
        var withTotal = AccessWorld.Unique("k");
        var outside = AccessWorld.Unique("k");

        var created = await service.CallAsync("Create" + world.Invoice, Create(new() { ["number"] = ok, ["tenant"] = tenant }));
        var field = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("Create" + world.Invoice, Create(new() { ["number"] = withTotal, ["tenant"] = tenant, ["total"] = 3 })));
        var row = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("Create" + world.Invoice, Create(new() { ["number"] = outside, ["tenant"] = "other" })));

        Assert.Equal(ok, created["number"]);
        Assert.Equal(StatusCode.PermissionDenied, field.StatusCode);
        Assert.Contains("total", field.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, row.StatusCode);
        var table = Engine.Metadata.Naming.NameConventions.ToSnakeCase(world.Invoice);
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\" WHERE number IN ('{withTotal}', '{outside}')"));
    }

    [Fact]
    public async Task UpdateAndDelete_OwnRowsAllowed_OthersNotFound_MovingOutOrUngrantedDenied()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var own = await world.InvoiceAsync(engine, AccessWorld.Unique("w"), tenant);
        var foreign = await world.InvoiceAsync(engine, AccessWorld.Unique("w"), AccessWorld.Unique("t"));
        using var clerk = await AccessCaller.CreateAsync(engine, ["acc-clerk"], new Dictionary<string, string> { ["tenant"] = tenant });
        using var junior = await AccessCaller.CreateAsync(engine, ["acc-junior"], new Dictionary<string, string> { ["tenant"] = tenant });
        var service = await ReflectedService.LoadAsync(clerk.Channel, Service(world.Invoice));
        var juniorService = await ReflectedService.LoadAsync(junior.Channel, Service(world.Invoice));
        var message = service.Method("Create" + world.Invoice).InputType.FindFieldByNumber(1).Name;
        Dictionary<string, object?> Update(string id, string path, object value) => new()
        {
            [message] = new Dictionary<string, object?> { ["id"] = id, [path] = value },
            ["update_mask"] = new Dictionary<string, object?> { ["paths"] = new[] { path } },
        };

        var updated = await service.CallAsync("Update" + world.Invoice, Update(own, "total", 77));
        var foreignUpdate = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Update" + world.Invoice, Update(foreign, "total", 1)));
        var movedOut = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Update" + world.Invoice, Update(own, "tenant", "elsewhere")));
        var juniorDelete = await Assert.ThrowsAsync<RpcException>(() =>
            juniorService.CallAsync("Delete" + world.Invoice, new Dictionary<string, object?> { ["id"] = own }));
        var foreignDelete = await Assert.ThrowsAsync<RpcException>(() =>
            service.CallAsync("Delete" + world.Invoice, new Dictionary<string, object?> { ["id"] = foreign }));
        await service.CallAsync("Delete" + world.Invoice, new Dictionary<string, object?> { ["id"] = own });

        Assert.Equal(77, updated["total"]);
        Assert.Equal(StatusCode.NotFound, foreignUpdate.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, movedOut.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, juniorDelete.StatusCode);
        Assert.Equal(StatusCode.NotFound, foreignDelete.StatusCode);
        var table = Engine.Metadata.Naming.NameConventions.ToSnakeCase(world.Invoice);
        Assert.Equal(0L, await engine.Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\" WHERE id = '{own}'"));
        Assert.Equal(1L, await engine.Database.ScalarAsync($"SELECT count(*) FROM data.\"{table}\" WHERE id = '{foreign}'"));
    }

    [Fact]
    public async Task List_CustomerRowFilterThroughRelation_ReturnsOnlyOwnInvoices()
    {
        var world = await AccessWorld.OfAsync(engine);
        var tenant = AccessWorld.Unique("t");
        var mine = await world.CustomerAsync(engine, "Mine");
        var other = await world.CustomerAsync(engine, "Other");
        var own = await world.InvoiceAsync(engine, AccessWorld.Unique("l"), tenant, mine);
        await world.InvoiceAsync(engine, AccessWorld.Unique("l"), tenant, other);
        using var customer = await AccessCaller.CreateAsync(engine, ["acc-customer"], new Dictionary<string, string> { ["customerId"] = mine });
        var service = await ReflectedService.LoadAsync(customer.Channel, Service(world.Invoice));

        var listed = await service.CallAsync("List" + world.Invoice + "s", new Dictionary<string, object?>());
        var create = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync("Create" + world.Invoice,
            new Dictionary<string, object?> { [service.Method("Create" + world.Invoice).InputType.FindFieldByNumber(1).Name] = new Dictionary<string, object?> { ["number"] = "x" } }));

        var row = Assert.Single(Rows(listed));
        Assert.Equal(own, row["id"]);
        Assert.Equal(mine, row["customer_id"]);
        Assert.False(row.ContainsKey("tenant"));
        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
    }

    private static string Service(string name) => $"engine.data.v1.{name}Service";

    private static IEnumerable<Dictionary<string, object?>> Rows(Dictionary<string, object?> response) =>
        response.Values.OfType<List<object>>().SingleOrDefault()?.Cast<Dictionary<string, object?>>() ?? [];
}
