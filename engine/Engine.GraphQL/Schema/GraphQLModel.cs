using System.Collections.Concurrent;
using Engine.GraphQL.Schema.Roles;
using Engine.Metadata.Model;
using Engine.Query.Context;

namespace Engine.GraphQL.Schema;

/// <summary>The GraphQL artifact of a snapshot: the composed schema and the per-resource parts it was composed from.</summary>
/// <param name="Schema">The full schema: what the admin role sees, and what role schemas are projected from.</param>
/// <param name="Parts">Each resource's part by resource name, for reuse by the next snapshot.</param>
/// <param name="Model">The metadata version the schema describes.</param>
public sealed record GraphQLModel(GqlSchema Schema, IReadOnlyDictionary<string, ResourceSchemaPart> Parts, SchemaModel Model)
{
    private readonly ConcurrentDictionary<string, Lazy<GqlSchema>> roleSchemas = new(StringComparer.Ordinal);

    /// <summary>
    /// The schema <paramref name="context"/>'s requests are validated, planned and introspected against: the full
    /// schema for the admin role, otherwise the projection for the caller's role set, built on first use and kept
    /// (immutable) for the life of the snapshot.
    /// </summary>
    public GqlSchema SchemaFor(RequestContext context) => SchemaFor(RoleSetKey.Of(context), context.Roles);

    /// <summary>The schema of <paramref name="roles"/>, whose <see cref="RoleSetKey"/> is <paramref name="roleSetKey"/> (null: the full schema).</summary>
    public GqlSchema SchemaFor(string? roleSetKey, IReadOnlyList<string> roles) =>
        roleSetKey is null
            ? Schema
            : roleSchemas.GetOrAdd(roleSetKey, static (_, state) => new Lazy<GqlSchema>(
                () => RoleSchemaProjector.Project(state.Schema, state.Model, new RoleGrants(state.Model, state.roles))), (Schema, Model, roles)).Value;
}
