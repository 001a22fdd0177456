using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>The root subscription type's name.</summary>
    public const string SubscriptionType = "Subscription";

    /// <summary>The shared enum of what happened to a record: <c>CREATED</c>, <c>UPDATED</c>, <c>DELETED</c>.</summary>
    public const string MutationTypeEnum = "MutationType";

    private static readonly GqlEnumType MutationKinds = new(MutationTypeEnum, "What happened to a record.",
    [
        new GqlEnumValue("CREATED", "The record was created.", RecordAction.Created),
        new GqlEnumValue("UPDATED", "The record was changed.", RecordAction.Updated),
        new GqlEnumValue("DELETED", "The record was deleted.", RecordAction.Deleted),
    ], new MutationTypeEnumBinding());

    private static readonly GqlTypeRef StringList = GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(ScalarTypes.String));

    /// <summary><c>post(where: PostSubscriptionWhereInput): PostSubscriptionPayload</c>.</summary>
    private static GqlField[] SubscriptionFields(ResourceModel resource) =>
    [
        new GqlField(GraphQLNames.FindUnique(resource.Name), GqlTypeRef.Named(GraphQLNames.SubscriptionPayload(resource.Name)),
            $"Changes to {resource.Plural} committed from now on, filtered by where.",
            [new GqlInputField("where", GqlTypeRef.Named(GraphQLNames.SubscriptionWhereInput(resource.Name)), "Only the events matching this filter.")],
            new SubscriptionFieldBinding(resource)),
    ];

    /// <summary><c>PostSubscriptionPayload</c>, <c>PostPreviousValues</c> and <c>PostSubscriptionWhereInput</c>.</summary>
    private static GqlNamedType[] SubscriptionTypes(ResourceModel resource)
    {
        var name = resource.Name;
        var payload = new GqlObjectType(GraphQLNames.SubscriptionPayload(name), $"A change to one {name}.",
        [
            new GqlField("mutation", GqlTypeRef.NonNullNamed(MutationTypeEnum), "What happened.",
                binding: new SubscriptionPayloadFieldBinding(resource, SubscriptionPayloadField.Mutation)),
            new GqlField("node", GqlTypeRef.Named(GraphQLNames.ObjectType(name)), "The record as it is now; null when it was deleted.",
                binding: new SubscriptionPayloadFieldBinding(resource, SubscriptionPayloadField.Node)),
            new GqlField("updatedFields", StringList, "The fields an update changed; null for other events.",
                binding: new SubscriptionPayloadFieldBinding(resource, SubscriptionPayloadField.UpdatedFields)),
            new GqlField("previousValues", GqlTypeRef.Named(GraphQLNames.PreviousValues(name)),
                "The record before an update or a deletion; null for a creation.",
                binding: new SubscriptionPayloadFieldBinding(resource, SubscriptionPayloadField.PreviousValues)),
        ]);
        return [payload, PreviousValues(resource), SubscriptionWhereInput(resource)];
    }

    /// <summary>The system and scalar fields of a record before a change (relations are not kept, as in Prisma 1).</summary>
    private static GqlObjectType PreviousValues(ResourceModel resource)
    {
        var fields = new List<GqlField>(resource.Fields.Count);
        foreach (var field in resource.Fields)
        {
            if (field.Kind == FieldKind.Scalar)
            {
                fields.Add(ObjectField(resource, field));
            }
        }

        return new GqlObjectType(GraphQLNames.PreviousValues(resource.Name), $"The scalar fields of one {resource.Name} before a change.", fields);
    }

    private static GqlInputObjectType SubscriptionWhereInput(ResourceModel resource)
    {
        var name = GraphQLNames.SubscriptionWhereInput(resource.Name);
        var self = GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(name));
        GqlInputField[] fields =
        [
            new("AND", self, "All of these filters hold.", Binding: SubscriptionWhereOperator.And),
            new("OR", self, "At least one of these filters holds.", Binding: SubscriptionWhereOperator.Or),
            new("NOT", self, "None of these filters holds.", Binding: SubscriptionWhereOperator.Not),
            new("mutation_in", GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(MutationTypeEnum)), "The event is one of these kinds.",
                Binding: SubscriptionWhereOperator.MutationIn),
            new("updatedFields_contains", GqlTypeRef.Named(ScalarTypes.String), "The update changed this field.",
                Binding: SubscriptionWhereOperator.UpdatedFieldsContains),
            new("updatedFields_contains_every", StringList, "The update changed all of these fields.",
                Binding: SubscriptionWhereOperator.UpdatedFieldsContainsEvery),
            new("updatedFields_contains_some", StringList, "The update changed at least one of these fields.",
                Binding: SubscriptionWhereOperator.UpdatedFieldsContainsSome),
            new("node", GqlTypeRef.Named(GraphQLNames.WhereInput(resource.Name)),
                "The record (after the change; before it for a deletion) matches this filter; relation filters are not supported here.",
                Binding: SubscriptionWhereOperator.Node),
        ];
        return new GqlInputObjectType(name, $"Filters the change events of {resource.Plural}.", fields, new SubscriptionWhereInputBinding(resource));
    }
}
