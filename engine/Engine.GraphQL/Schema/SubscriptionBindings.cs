using Engine.Metadata.Model;

namespace Engine.GraphQL.Schema;

/// <summary>A root field of <c>Subscription</c>: <c>post(where: PostSubscriptionWhereInput): PostSubscriptionPayload</c>.</summary>
public sealed record SubscriptionFieldBinding(ResourceModel Resource) : FieldBinding;

/// <summary>A field of <c>&lt;R&gt;SubscriptionPayload</c>.</summary>
public sealed record SubscriptionPayloadFieldBinding(ResourceModel Resource, SubscriptionPayloadField Field) : FieldBinding;

/// <summary>The fields of a subscription payload (Prisma 1 semantics).</summary>
public enum SubscriptionPayloadField
{
    /// <summary><c>mutation: MutationType!</c>: what happened.</summary>
    Mutation,

    /// <summary><c>node</c>: the record as it is now, read from the database; null for a deletion.</summary>
    Node,

    /// <summary><c>updatedFields</c>: the fields an update changed; null for creations and deletions.</summary>
    UpdatedFields,

    /// <summary><c>previousValues</c>: the scalar fields before an update or deletion; null for creations.</summary>
    PreviousValues,
}

/// <summary><c>&lt;R&gt;SubscriptionWhereInput</c>: each field's binding is a <see cref="SubscriptionWhereOperator"/>.</summary>
public sealed record SubscriptionWhereInputBinding(ResourceModel Resource) : InputObjectBinding;

/// <summary>The fields of a subscription filter.</summary>
public enum SubscriptionWhereOperator
{
    /// <summary><c>AND</c>: all of these filters hold.</summary>
    And,

    /// <summary><c>OR</c>: at least one of these filters holds.</summary>
    Or,

    /// <summary><c>NOT</c>: none of these filters holds.</summary>
    Not,

    /// <summary><c>mutation_in</c>: the event is one of these kinds.</summary>
    MutationIn,

    /// <summary><c>updatedFields_contains</c>: the update changed this field.</summary>
    UpdatedFieldsContains,

    /// <summary><c>updatedFields_contains_every</c>: the update changed all of these fields.</summary>
    UpdatedFieldsContainsEvery,

    /// <summary><c>updatedFields_contains_some</c>: the update changed at least one of these fields.</summary>
    UpdatedFieldsContainsSome,

    /// <summary><c>node</c>: the record (after the change, before it for a deletion) matches a where input.</summary>
    Node,
}

/// <summary>The shared <c>MutationType</c> enum: each value's binding is its <see cref="Engine.Runtime.Events.RecordAction"/>.</summary>
public sealed record MutationTypeEnumBinding : EnumBinding;
