using Engine.Query.Access;
using Engine.Query.Context;

namespace Engine.GraphQL.Schema.Roles;

/// <summary>
/// One string per set of roles (order and duplicates aside), keying the role schemas and the documents validated against
/// them; null keys the full schema (the admin role), so no role name can stand for it.
/// </summary>
public static class RoleSetKey
{
    /// <summary>The key of <paramref name="context"/>'s roles; null for the admin role.</summary>
    public static string? Of(RequestContext context) => context.IsAdmin ? null : AccessPolicy.RoleSetKey(context.Roles);
}
