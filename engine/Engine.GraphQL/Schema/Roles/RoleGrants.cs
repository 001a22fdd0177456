using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Context;

namespace Engine.GraphQL.Schema.Roles;

/// <summary>
/// What a set of roles may do to each resource, as <see cref="AccessPolicy"/> decides it. The schema depends only on
/// actions and fields, never on row filters or claims, so one schema serves every caller with the same roles.
/// </summary>
public sealed class RoleGrants
{
    private static readonly IReadOnlyDictionary<string, string> NoClaims = new Dictionary<string, string>();

    private readonly AccessPolicy policy;
    private readonly RequestContext caller;

    /// <summary>The grants of <paramref name="roles"/> (not holding <c>admin</c>) under <paramref name="model"/>'s rules.</summary>
    public RoleGrants(SchemaModel model, IReadOnlyList<string> roles)
    {
        policy = AccessPolicy.For(model);
        caller = new RequestContext(null, roles, NoClaims);
    }

    /// <summary>True when one of the roles may do <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public bool Allows(ResourceModel resource, AccessAction action) => policy.Grant(resource, action, caller).Allowed;

    /// <summary>True when one of the roles may read (or write, for create and update) <paramref name="field"/> with <paramref name="action"/>.</summary>
    public bool CanUse(ResourceModel resource, AccessAction action, FieldModel field) =>
        policy.Grant(resource, action, caller) is { Allowed: true } grant && grant.CanUse(field);

    /// <summary>True when the roles may do anything to <paramref name="resource"/>, so its identity types belong in the schema.</summary>
    public bool Sees(ResourceModel resource) =>
        Allows(resource, AccessAction.Read) || Allows(resource, AccessAction.Create) || Allows(resource, AccessAction.Update)
        || Allows(resource, AccessAction.Delete);
}
