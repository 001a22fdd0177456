using System.Runtime.CompilerServices;
using Engine.IntegrationTests.Support;
using Engine.Testing;

namespace Engine.IntegrationTests.Access;

/// <summary>
/// A Customer and an Invoice resource with access rules, defined once per engine and shared by the access tests; each
/// test isolates its rows by its own tenant and customer claims.
/// <list type="bullet">
/// <item><c>acc-customer</c> reads its own customer (<c>id = $claims.customerId</c>) and that customer's invoices, only
/// <c>number</c>, <c>total</c> and <c>customer</c> of them.</item>
/// <item><c>acc-clerk</c> reads every customer and does everything with the invoices of <c>$claims.tenant</c>.</item>
/// <item><c>acc-junior</c> reads and creates invoices of its tenant, with only <c>number</c> and <c>tenant</c>.</item>
/// </list>
/// </summary>
internal sealed class AccessWorld
{
    private static readonly ConditionalWeakTable<EngineServer, Task<AccessWorld>> Worlds = [];

    private AccessWorld(string customer, string invoice)
    {
        Customer = customer;
        Invoice = invoice;
    }

    /// <summary>The Customer resource's name.</summary>
    public string Customer { get; }

    /// <summary>The Invoice resource's name.</summary>
    public string Invoice { get; }

    /// <summary>The Customer's GraphQL list field.</summary>
    public string Customers => Lower(Customer) + "s";

    /// <summary>The Invoice's GraphQL list field.</summary>
    public string Invoices => Lower(Invoice) + "s";

    /// <summary>The Invoice's GraphQL single-row field.</summary>
    public string InvoiceField => Lower(Invoice);

    /// <summary>The resources of <paramref name="engine"/>, defined on first use.</summary>
    public static Task<AccessWorld> OfAsync(EngineServer engine) => Worlds.GetValue(engine, e => DefineAsync(e));

    private static async Task<AccessWorld> DefineAsync(EngineServer engine)
    {
        var customer = UniqueNames.Resource("Customer");
        var invoice = UniqueNames.Resource("Invoice");
        var customerAccess = """
            "access": [
              { "role": "acc-customer", "actions": ["read"], "where": { "id": "$claims.customerId" } },
              { "role": "acc-clerk", "actions": ["read"] },
              { "role": "acc-junior", "actions": ["read"] } ]
            """;
        await engine.DefineAsync(customer, $$"""
            { "name": "{{customer}}", "plural": "{{customer}}s", "fields": [ { "name": "name", "type": "String", "required": true } ], {{customerAccess}} }
            """);
        await engine.DefineAsync(invoice, $$"""
            { "name": "{{invoice}}", "plural": "{{invoice}}s", "fields": [
                { "name": "number", "type": "String", "required": true, "unique": true },
                { "name": "total", "type": "Int" },
                { "name": "tenant", "type": "String" },
                { "name": "customer", "type": "Relation", "target": "{{customer}}", "cardinality": "one", "onDelete": "SET_NULL" } ],
              "access": [
                { "role": "acc-customer", "actions": ["read"], "where": { "customer": { "id": "$claims.customerId" } },
                  "fields": ["number", "total", "customer"] },
                { "role": "acc-clerk", "actions": ["read", "create", "update", "delete"], "where": { "tenant": "$claims.tenant" } },
                { "role": "acc-junior", "actions": ["read", "create"], "where": { "tenant": "$claims.tenant" }, "fields": ["number", "tenant"] } ] }
            """);
        await engine.DefineAsync(customer, $$"""
            { "name": "{{customer}}", "plural": "{{customer}}s", "fields": [
                { "name": "name", "type": "String", "required": true },
                { "name": "invoices", "type": "Relation", "target": "{{invoice}}", "cardinality": "many", "inverse": "customer" } ], {{customerAccess}} }
            """);
        return new AccessWorld(customer, invoice);
    }

    /// <summary>Creates a customer as admin and returns its id.</summary>
    public async Task<string> CustomerAsync(EngineServer engine, string name)
    {
        var data = await engine.QueryAsync($$"""mutation { create{{Customer}}(data: { name: "{{name}}" }) { id } }""");
        return data["create" + Customer]!["id"]!.GetValue<string>();
    }

    /// <summary>Creates an invoice as admin and returns its id.</summary>
    public async Task<string> InvoiceAsync(EngineServer engine, string number, string tenant, string? customerId = null, int total = 10)
    {
        var customer = customerId is null ? "" : $$""", customer: { connect: { id: "{{customerId}}" } }""";
        var data = await engine.QueryAsync($$"""
            mutation { create{{Invoice}}(data: { number: "{{number}}", tenant: "{{tenant}}", total: {{total}}{{customer}} }) { id } }
            """);
        return data["create" + Invoice]!["id"]!.GetValue<string>();
    }

    /// <summary>A unique invoice number or tenant for one test.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
