using System.Collections.Frozen;
using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>One access rule, compiled: its role, actions, row filter template and field allow-list.</summary>
/// <param name="Role">The role it grants to.</param>
/// <param name="Actions">The actions it grants.</param>
/// <param name="Where">The row filter template; null for all rows.</param>
/// <param name="HasClaims">True when <paramref name="Where"/> refers to claims, so it is filled in per request.</param>
/// <param name="Fields">The allowed fields (<c>id</c> included); null for all fields.</param>
internal sealed record CompiledRule(string Role, FrozenSet<AccessAction> Actions, Filter? Where, bool HasClaims, FrozenSet<string>? Fields)
{
    /// <summary>A filter that holds for no row: what a rule whose <c>where</c> cannot be compiled matches.</summary>
    public static readonly Filter Nothing = new OrFilter([]);

    /// <summary>Compiles <paramref name="rule"/> of <paramref name="resource"/>.</summary>
    public static CompiledRule Of(ResourceModel resource, AccessRuleDefinition rule, RuleFilterBuilder builder)
    {
        var actions = new HashSet<AccessAction>();
        foreach (var name in rule.Actions)
        {
            if (AccessActions.TryParse(name, out var action))
            {
                actions.Add(action);
            }
        }

        Filter? where = null;
        if (rule.Where is { ValueKind: JsonValueKind.Object } json && json.EnumerateObject().Any())
        {
            where = builder.TryBuild(resource, json, out var filter) ? filter : Nothing;
        }

        var fields = rule.Fields is null ? null : rule.Fields.Append("id").ToFrozenSet(StringComparer.Ordinal);
        return new CompiledRule(rule.Role, actions.ToFrozenSet(), where, where is not null && RuleFilterBuilder.HasClaims(where), fields);
    }
}
