using System.Text.Json.Nodes;
using Engine.Testing;

namespace Engine.IntegrationTests.Access.Protocols;

/// <summary>
/// The resource the streaming access tests (subscriptions, Watch) subscribe to: <c>title</c>, <c>owner</c>, <c>secret</c>, and a
/// <c>member</c> role that reads its tenant's rows (<c>owner = $claims.tenant</c>) without <c>secret</c>.
/// </summary>
internal static class TenantOwnedResource
{
    /// <summary>Defines a new such resource through <paramref name="define"/> (name, definition) and returns its name.</summary>
    public static async Task<string> DefineAsync(string prefix, Func<string, string, Task> define)
    {
        var name = UniqueNames.Resource(prefix);
        await define(name, $$"""
            {
              "name": "{{name}}",
              "fields": [ { "name": "title", "type": "String" }, { "name": "owner", "type": "String" }, { "name": "secret", "type": "String" } ],
              "access": [ { "role": "member", "actions": ["read"], "where": { "owner": "$claims.tenant" }, "fields": ["title", "owner"] } ]
            }
            """);
        return name;
    }

    /// <summary>Creates a row through <paramref name="query"/> (a GraphQL call as admin) and returns its id.</summary>
    public static async Task<string> CreateAsync(Func<string, Task<JsonNode>> query, string name, string title, string owner)
    {
        var data = await query($$"""mutation { create{{name}}(data: { title: "{{title}}", owner: "{{owner}}", secret: "s" }) { id } }""");
        return data["create" + name]!["id"]!.GetValue<string>();
    }
}
