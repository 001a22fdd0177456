using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.GraphQL.Schema;

/// <summary>
/// Everything one resource contributes to the schema: its named types and its root fields. Types refer to other
/// resources' types by name only, so a part stays valid while those resources change, and is reused by the next
/// snapshot when neither its resource nor any relation target changed (<see cref="IsUpToDate"/>).
/// </summary>
public sealed class ResourceSchemaPart
{
    /// <summary>Builds a part; <paramref name="relationTargets"/> are the target definitions the part was built against.</summary>
    public ResourceSchemaPart(ResourceModel resource, IReadOnlyList<GqlNamedType> types, IReadOnlyList<GqlField> queryFields,
        IReadOnlyList<GqlField> mutationFields, IReadOnlyList<GqlField> subscriptionFields, IReadOnlyList<ResourceDefinition> relationTargets)
    {
        Resource = resource;
        Types = types;
        QueryFields = queryFields;
        MutationFields = mutationFields;
        SubscriptionFields = subscriptionFields;
        RelationTargets = relationTargets;
    }

    /// <summary>The resource (as of the snapshot that built this part; bindings point at it).</summary>
    public ResourceModel Resource { get; }

    /// <summary>The named types this resource generates: object type, inputs, order-by, field enums and subscription types.</summary>
    public IReadOnlyList<GqlNamedType> Types { get; }

    /// <summary>Its fields of <c>Query</c>, each bound by a <see cref="RootFieldBinding"/>.</summary>
    public IReadOnlyList<GqlField> QueryFields { get; }

    /// <summary>Its fields of <c>Mutation</c>, each bound by a <see cref="RootFieldBinding"/>.</summary>
    public IReadOnlyList<GqlField> MutationFields { get; }

    /// <summary>Its fields of <c>Subscription</c>, each bound by a <see cref="SubscriptionFieldBinding"/>.</summary>
    public IReadOnlyList<GqlField> SubscriptionFields { get; }

    /// <summary>The definitions of the relation targets (distinct, in field order) when the part was built.</summary>
    public IReadOnlyList<ResourceDefinition> RelationTargets { get; }

    /// <summary>
    /// True when <paramref name="resource"/> has the very definition this part was built from and so do its relation
    /// targets in <paramref name="model"/>: the runtime keeps unchanged definition objects identical across versions.
    /// </summary>
    public bool IsUpToDate(ResourceModel resource, SchemaModel model)
    {
        if (!ReferenceEquals(resource.Definition, Resource.Definition))
        {
            return false;
        }

        var targets = OpenCrudSchemaBuilder.RelationTargetsOf(resource, model);
        if (targets.Count != RelationTargets.Count)
        {
            return false;
        }

        for (var i = 0; i < targets.Count; i++)
        {
            if (!ReferenceEquals(targets[i], RelationTargets[i]))
            {
                return false;
            }
        }

        return true;
    }
}
