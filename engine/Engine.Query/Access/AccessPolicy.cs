using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Engine.Metadata.Model;
using Engine.Query.Context;

namespace Engine.Query.Access;

/// <summary>
/// The access rules of one metadata version (SPEC §1 <c>access</c>, §6), compiled once per <see cref="SchemaModel"/>:
/// each rule's <c>where</c> becomes a filter template, and the grants of a role set are combined once and cached, so
/// a request only fills in its claims.
/// </summary>
public sealed class AccessPolicy
{
    private static readonly ConditionalWeakTable<SchemaModel, AccessPolicy> Policies = [];

    private readonly FrozenDictionary<string, ResourceRules> resources;

    private AccessPolicy(SchemaModel model)
    {
        var builder = new RuleFilterBuilder(model);
        resources = model.Resources.ToFrozenDictionary(r => r.Name, r => new ResourceRules(r, builder), StringComparer.Ordinal);
    }

    /// <summary>The policy of <paramref name="model"/>, compiled on first use and kept as long as the model lives.</summary>
    public static AccessPolicy For(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Policies.GetValue(model, static m => new AccessPolicy(m));
    }

    /// <summary>
    /// A stable key of a role set (sorted, distinct), for caches of anything that depends only on the roles, such as
    /// per-role schemas.
    /// </summary>
    public static string RoleSetKey(IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        // A separator no role name holds, so different sets never share a key.
        return roles.Count == 1 ? roles[0] : string.Join('\u001f', roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// What <paramref name="context"/> may do with <paramref name="action"/> on <paramref name="resource"/>: admin may do
    /// everything; otherwise the rules of the caller's roles that grant the action decide (none → not allowed).
    /// </summary>
    public AccessGrant Grant(ResourceModel resource, AccessAction action, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (!resources.TryGetValue(resource.Name, out var rules))
        {
            throw new ArgumentException($"{resource.Name} is not a resource of this metadata version.", nameof(resource));
        }

        return context.IsAdmin ? rules.Admin(action) : rules.For(action, context.Roles).Grant(context.Claims);
    }

    /// <summary>The compiled rules of one resource, and the combined grants of each role set seen so far.</summary>
    private sealed class ResourceRules
    {
        private readonly ResourceModel resource;
        private readonly CompiledRule[] rules;
        private readonly AccessGrant[] admin;
        private readonly ConcurrentDictionary<(string Roles, AccessAction Action), RoleSetGrant> grants = new();

        public ResourceRules(ResourceModel resource, RuleFilterBuilder builder)
        {
            this.resource = resource;
            rules = resource.Definition.Access.Select(rule => CompiledRule.Of(resource, rule, builder)).ToArray();
            admin = Enum.GetValues<AccessAction>().Select(a => new AccessGrant(resource, a, true, null, null, RequestContext.AdminRole)).ToArray();
        }

        public AccessGrant Admin(AccessAction action) => admin[(int)action];

        public RoleSetGrant For(AccessAction action, IReadOnlyList<string> roles) =>
            grants.GetOrAdd((RoleSetKey(roles), action), static (key, state) => state.Self.Combine(key.Action, state.Roles), (Self: this, Roles: roles));

        private RoleSetGrant Combine(AccessAction action, IReadOnlyList<string> roles)
        {
            var matching = rules.Where(r => r.Actions.Contains(action) && roles.Contains(r.Role, StringComparer.Ordinal)).ToArray();
            var names = roles.Count == 0 ? "(none)" : string.Join(", ", roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return new RoleSetGrant(resource, action, matching, names);
        }
    }
}
