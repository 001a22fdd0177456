namespace Engine.Runtime.Events;

/// <summary>
/// One committed change to one record, in the API's JSON shape, as the outbox relay publishes it and as
/// subscriptions and Watch streams receive it.
/// </summary>
/// <param name="Id">The event id: CloudEvents <c>id</c> and NATS <c>Nats-Msg-Id</c>; identical on every redelivery.</param>
/// <param name="Resource">The resource's name as defined in the metadata (e.g. <c>Post</c>).</param>
/// <param name="Action">What happened.</param>
/// <param name="RecordId">The record's id (CloudEvents <c>subject</c>).</param>
/// <param name="Time">When the change was committed (the writing transaction's time).</param>
/// <param name="Data">
/// UTF-8 JSON object of the record after the change (before it for <see cref="RecordAction.Deleted"/>): keys are the
/// GraphQL field names in resource order (<c>id</c>, <c>createdAt</c>, <c>updatedAt</c>, then the fields), values in
/// Engine.Sql's JSON forms (Long/Decimal as strings, DateTime as UTC ISO 8601 with six fractional digits and <c>Z</c>),
/// a to-one relation as its foreign key id (or null) under the relation's name; to-many relations are absent.
/// </param>
/// <param name="PreviousValues">For <see cref="RecordAction.Updated"/>: the record before the change, in the same shape; otherwise null.</param>
/// <param name="UpdatedFields">For <see cref="RecordAction.Updated"/>: names of the fields whose value changed, in resource order; otherwise empty.</param>
public sealed record RecordEvent(
    Guid Id,
    string Resource,
    RecordAction Action,
    Guid RecordId,
    DateTimeOffset Time,
    ReadOnlyMemory<byte> Data,
    ReadOnlyMemory<byte>? PreviousValues,
    IReadOnlyList<string> UpdatedFields);
