using System.Collections.Frozen;
using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>
/// The grant of one role set for one action on one resource, combined once from the matching rules: the field
/// allow-list is final, and the row filter is final too unless a rule refers to claims.
/// </summary>
internal sealed class RoleSetGrant
{
    // A filter by id names no value of the row, so even a caller who may not read may still update or delete by id.
    private static readonly FrozenSet<string> IdOnly = new[] { "id" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ResourceModel resource;
    private readonly AccessAction action;
    private readonly string roles;
    private readonly FrozenSet<string>? fields;
    private readonly Filter[] templates;
    private readonly AccessGrant? constant;

    public RoleSetGrant(ResourceModel resource, AccessAction action, IReadOnlyList<CompiledRule> matching, string roles)
    {
        this.resource = resource;
        this.action = action;
        this.roles = roles;
        if (matching.Count == 0)
        {
            templates = [];
            constant = new AccessGrant(resource, action, false, CompiledRule.Nothing, IdOnly, roles);
            return;
        }

        fields = matching.Any(r => r.Fields is null) ? null : matching.SelectMany(r => r.Fields!).ToFrozenSet(StringComparer.Ordinal);

        // A matching rule without a row filter grants every row, whatever the others say.
        templates = matching.Any(r => r.Where is null) ? [] : matching.Select(r => r.Where!).ToArray();
        if (templates.Length == 0 || !matching.Any(r => r.HasClaims))
        {
            constant = new AccessGrant(resource, action, true, Combine(templates), fields, roles);
        }
    }

    /// <summary>The grant for a caller with <paramref name="claims"/>; shared when no rule refers to claims.</summary>
    public AccessGrant Grant(IReadOnlyDictionary<string, string> claims)
    {
        if (constant is not null)
        {
            return constant;
        }

        var filled = new List<Filter>(templates.Length);
        foreach (var template in templates)
        {
            if (ClaimSubstitution.Apply(template, claims) is { } filter)
            {
                filled.Add(filter);
            }
        }

        return new AccessGrant(resource, action, true, filled.Count == 0 ? CompiledRule.Nothing : Combine(filled), fields, roles);
    }

    private static Filter? Combine(IReadOnlyList<Filter> filters) => filters.Count switch
    {
        0 => null,
        1 => filters[0],
        _ => new OrFilter(filters.ToArray()),
    };
}
