using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>
/// The grants of one non-admin request, looked up once per (resource, action) and kept for the request, so planning
/// and nested writes ask <see cref="AccessPolicy"/> only once for each.
/// </summary>
public sealed class AccessScope
{
    private readonly AccessPolicy policy;
    private readonly RequestContext context;
    private readonly Dictionary<(string Resource, AccessAction Action), AccessGrant> grants = [];

    private AccessScope(AccessPolicy policy, RequestContext context)
    {
        this.policy = policy;
        this.context = context;
    }

    /// <summary>The scope of <paramref name="context"/> over <paramref name="model"/>; null for admin, who is never restricted.</summary>
    public static AccessScope? For(SchemaModel model, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.IsAdmin ? null : new AccessScope(AccessPolicy.For(model), context);
    }

    /// <summary>The caller's grant of <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public AccessGrant Grant(ResourceModel resource, AccessAction action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!grants.TryGetValue((resource.Name, action), out var grant))
        {
            grant = policy.Grant(resource, action, context);
            grants[(resource.Name, action)] = grant;
        }

        return grant;
    }

    /// <summary>The grant, which must allow the action; otherwise an <see cref="EngineException"/> with FORBIDDEN.</summary>
    public AccessGrant Require(ResourceModel resource, AccessAction action)
    {
        var grant = Grant(resource, action);
        return grant.Allowed ? grant : throw new EngineException(grant.Denied());
    }

    /// <summary>The rows the caller may touch with <paramref name="action"/> (null for all); FORBIDDEN when the action is not granted.</summary>
    public Filter? Rows(ResourceModel resource, AccessAction action) => Require(resource, action).Rows;

    /// <summary><paramref name="where"/> narrowed to the rows <paramref name="action"/> may touch.</summary>
    public Filter? Restrict(Filter? where, ResourceModel resource, AccessAction action) => AccessFilters.And(where, Rows(resource, action));
}
