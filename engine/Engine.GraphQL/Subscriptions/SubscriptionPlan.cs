using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// A planned subscription: which resource's events to read, which of them to keep (<see cref="Filter"/>) and what to
/// write for each (<see cref="Payload"/>). Immutable and bound to the metadata version it was planned against.
/// </summary>
/// <param name="Version">The metadata version the plan was made against; a newer snapshot re-plans it.</param>
/// <param name="Key">The root field's response key (alias or name), e.g. <c>post</c>.</param>
/// <param name="Resource">The resource whose events the subscription reads.</param>
/// <param name="Filter">The compiled <c>where</c> argument.</param>
/// <param name="Payload">The selection on the payload, in response order.</param>
public sealed record SubscriptionPlan(long Version, string Key, ResourceModel Resource, SubscriptionFilter Filter, IReadOnlyList<PayloadItem> Payload)
{
    /// <summary>The <c>node</c> selection, when there is one (its record is read from the database per event).</summary>
    public NodePayloadItem? Node { get; } = Payload.OfType<NodePayloadItem>().FirstOrDefault();

    /// <summary>True when the payload selects <c>previousValues</c>.</summary>
    public bool SelectsPreviousValues { get; } = Payload.Any(p => p is PreviousValuesPayloadItem);
}

/// <summary>One response key of a subscription payload.</summary>
/// <param name="Key">The response key (alias or field name).</param>
public abstract record PayloadItem(string Key);

/// <summary><c>mutation</c>: <c>CREATED</c>, <c>UPDATED</c> or <c>DELETED</c>.</summary>
public sealed record MutationPayloadItem(string Key) : PayloadItem(Key);

/// <summary><c>node</c>: the record read by id with <paramref name="Selection"/>; null for deletions.</summary>
public sealed record NodePayloadItem(string Key, Selection Selection) : PayloadItem(Key);

/// <summary><c>updatedFields</c>: the names of the fields an update changed; null for other events.</summary>
public sealed record UpdatedFieldsPayloadItem(string Key) : PayloadItem(Key);

/// <summary><c>previousValues</c>: the selected fields of the record before an update or deletion; null for creations.</summary>
public sealed record PreviousValuesPayloadItem(string Key, IReadOnlyList<PreviousValueItem> Fields) : PayloadItem(Key);

/// <summary><c>__typename</c> on the payload: a constant.</summary>
public sealed record TypenamePayloadItem(string Key, string TypeName) : PayloadItem(Key);

/// <summary>One response key of <c>previousValues</c>: a field of the event's record, or <c>__typename</c> when <paramref name="Field"/> is null.</summary>
/// <param name="Key">The response key.</param>
/// <param name="Field">The record field to copy (its name in the event JSON); null for <c>__typename</c>.</param>
/// <param name="TypeName">The <c>PreviousValues</c> type's name, written for <c>__typename</c>.</param>
public sealed record PreviousValueItem(string Key, string? Field, string TypeName);
