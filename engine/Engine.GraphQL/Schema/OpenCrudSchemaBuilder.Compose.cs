using Engine.GraphQL.Introspection;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>The root query type's name.</summary>
    public const string QueryType = "Query";

    /// <summary>The root mutation type's name.</summary>
    public const string MutationType = "Mutation";

    /// <summary>The shared result of bulk mutations.</summary>
    public const string BatchPayloadType = "BatchPayload";

    /// <summary>
    /// The field every Query type has, so that a schema without resources is still valid: the metadata version of the
    /// snapshot that serves the request (a Long, written as a JSON string).
    /// </summary>
    public static readonly GqlField VersionField = new("_version", GqlTypeRef.NonNullNamed(ScalarTypes.Long),
        "The metadata version this schema describes.", binding: new MetadataVersionBinding());

    private static readonly GqlObjectType BatchPayload = new(BatchPayloadType, "The result of a bulk mutation.",
        [new GqlField("count", GqlTypeRef.NonNullNamed(ScalarTypes.Long), "How many records the mutation affected.")]);

    /// <summary>
    /// Joins resource parts with the scalars, the introspection types, the shared types and the Query, Mutation and
    /// Subscription roots (Mutation and Subscription are left out when no resource contributes a field, and so is the
    /// <c>MutationType</c> enum only subscriptions use). Throws when two parts define one type name.
    /// </summary>
    public static GqlSchema Compose(IEnumerable<ResourceSchemaPart> parts)
    {
        var list = parts as IReadOnlyCollection<ResourceSchemaPart> ?? parts.ToArray();
        var typeCount = 0;
        var queryCount = 1;
        var mutationCount = 0;
        var subscriptionCount = 0;
        foreach (var part in list)
        {
            typeCount += part.Types.Count;
            queryCount += part.QueryFields.Count;
            mutationCount += part.MutationFields.Count;
            subscriptionCount += part.SubscriptionFields.Count;
        }

        var types = new Dictionary<string, GqlNamedType>(typeCount + 24, StringComparer.Ordinal);
        var queryFields = new List<GqlField>(queryCount) { VersionField };
        var mutationFields = new List<GqlField>(mutationCount);
        var subscriptionFields = new List<GqlField>(subscriptionCount);
        foreach (var scalar in ScalarTypes.All)
        {
            types.Add(scalar.Name, scalar);
        }

        foreach (var type in IntrospectionTypes.All)
        {
            types.Add(type.Name, type);
        }

        types.Add(BatchPayload.Name, BatchPayload);
        types.Add(PageInfo.Name, PageInfo);
        foreach (var part in list)
        {
            foreach (var type in part.Types)
            {
                if (!types.TryAdd(type.Name, type))
                {
                    throw new InvalidOperationException($"Resource {part.Resource.Name} generates the type {type.Name}, which already exists.");
                }
            }

            queryFields.AddRange(part.QueryFields);
            mutationFields.AddRange(part.MutationFields);
            subscriptionFields.AddRange(part.SubscriptionFields);
        }

        types.Add(QueryType, new GqlObjectType(QueryType, "Reads.", queryFields));
        if (mutationFields.Count > 0)
        {
            types.Add(MutationType, new GqlObjectType(MutationType, "Writes; each mutation is one transaction.", mutationFields));
        }

        if (subscriptionFields.Count > 0)
        {
            types.Add(MutationKinds.Name, MutationKinds);
            types.Add(SubscriptionType, new GqlObjectType(SubscriptionType,
                "Live changes over WebSocket (graphql-transport-ws); one root field per subscription.", subscriptionFields));
        }

        return new GqlSchema(types, QueryType, mutationFields.Count > 0 ? MutationType : null,
            subscriptionFields.Count > 0 ? SubscriptionType : null);
    }
}
