using Engine.Metadata.Definitions;
using Engine.Metadata.Json;

namespace Engine.Metadata.Tests.Support;

/// <summary>The Invoice of SPEC §1, verbatim, with the Customer, InvoiceLine and Tag definitions it relates to.</summary>
internal static class SpecExample
{
    public const string Invoice = """
        {
          "name": "Invoice",
          "plural": "Invoices",
          "description": "A customer invoice",
          "fields": [
            { "name": "number",   "type": "String",   "required": true, "unique": true, "maxLength": 32 },
            { "name": "issuedOn", "type": "Date",     "required": true },
            { "name": "total",    "type": "Decimal",  "required": true, "min": 0, "precision": 12, "scale": 2 },
            { "name": "status",   "type": "Enum",     "values": ["DRAFT", "SENT", "PAID"], "default": "DRAFT" },
            { "name": "notes",    "type": "String" },
            { "name": "customer", "type": "Relation", "target": "Customer", "cardinality": "one", "required": true, "onDelete": "RESTRICT" },
            { "name": "lines",    "type": "Relation", "target": "InvoiceLine", "cardinality": "many", "inverse": "invoice" },
            { "name": "tags",     "type": "Relation", "target": "Tag", "cardinality": "many" }
          ],
          "indexes": [ { "fields": ["status", "issuedOn"] } ],
          "access": [
            { "role": "accountant", "actions": ["read", "create", "update"] },
            { "role": "customer", "actions": ["read"], "where": { "customer": { "id": "$claims.sub" } },
              "fields": ["number", "issuedOn", "total", "status"] }
          ]
        }
        """;

    public const string Customer = """
        {
          "name": "Customer",
          "fields": [
            { "name": "name",     "type": "String", "required": true, "maxLength": 200 },
            { "name": "email",    "type": "String", "unique": true, "pattern": "^[^@\\s]+@[^@\\s]+$" },
            { "name": "invoices", "type": "Relation", "target": "Invoice", "cardinality": "many", "inverse": "customer" }
          ]
        }
        """;

    public const string InvoiceLine = """
        {
          "name": "InvoiceLine",
          "fields": [
            { "name": "invoice",  "type": "Relation", "target": "Invoice", "cardinality": "one", "required": true, "inverse": "lines", "onDelete": "CASCADE" },
            { "name": "product",  "type": "String", "required": true },
            { "name": "quantity", "type": "Int", "required": true, "min": 1, "default": 1 },
            { "name": "price",    "type": "Decimal", "precision": 12, "scale": 2, "default": "0.00" }
          ]
        }
        """;

    public const string Tag = """
        { "name": "Tag", "fields": [ { "name": "label", "type": "String", "required": true, "unique": true } ] }
        """;

    /// <summary>The four definitions, parsed.</summary>
    public static IReadOnlyList<ResourceDefinition> All() => [Parse(Invoice), Parse(Customer), Parse(InvoiceLine), Parse(Tag)];

    public static ResourceDefinition Parse(string json)
    {
        var result = MetadataJson.ParseResource(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value;
    }
}
