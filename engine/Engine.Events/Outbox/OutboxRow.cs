namespace Engine.Events.Outbox;

/// <summary>One row of <c>engine_meta.outbox</c> as the relay reads it.</summary>
/// <param name="Seq">Insertion order; per record it is commit order.</param>
/// <param name="EventId">The event id (CloudEvents <c>id</c>, <c>Nats-Msg-Id</c>).</param>
/// <param name="Resource">The resource name the trigger was created with.</param>
/// <param name="Operation"><c>I</c> insert, <c>U</c> update, <c>D</c> delete.</param>
/// <param name="RecordId">The changed record's id.</param>
/// <param name="CommittedAt">The writing transaction's time.</param>
/// <param name="OldRow">UTF-8 <c>to_jsonb(OLD)</c> for updates and deletes: column names and raw values.</param>
/// <param name="NewRow">UTF-8 <c>to_jsonb(NEW)</c> for inserts and updates.</param>
public sealed record OutboxRow(
    long Seq,
    Guid EventId,
    string Resource,
    char Operation,
    Guid RecordId,
    DateTimeOffset CommittedAt,
    byte[]? OldRow,
    byte[]? NewRow);
