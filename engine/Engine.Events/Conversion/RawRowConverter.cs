using Engine.Events.Outbox;
using Engine.Runtime.Events;

namespace Engine.Events.Conversion;

/// <summary>
/// The fallback for a row whose resource is not in the metadata any more (removed before its events went out): the
/// event carries the row as stored, column names and raw values, since no field names or types are left to apply.
/// Publishing it beats dropping it: a consumer still learns that the record changed.
/// </summary>
public static class RawRowConverter
{
    /// <summary>Converts <paramref name="row"/> without a model; throws <see cref="FormatException"/> for an invalid row.</summary>
    public static RecordEvent Convert(OutboxRow row) => row.Operation switch
    {
        'I' => Event(row, RecordAction.Created, Required(row.NewRow, row), null),
        'U' => Event(row, RecordAction.Updated, Required(row.NewRow, row), Required(row.OldRow, row)),
        'D' => Event(row, RecordAction.Deleted, Required(row.OldRow, row), null),
        _ => throw new FormatException($"outbox row {row.Seq}: unknown operation '{row.Operation}'"),
    };

    private static RecordEvent Event(OutboxRow row, RecordAction action, byte[] data, ReadOnlyMemory<byte>? previous) =>
        new(row.EventId, row.Resource, action, row.RecordId, row.CommittedAt, data, previous, []);

    private static byte[] Required(byte[]? json, OutboxRow row) =>
        json ?? throw new FormatException($"outbox row {row.Seq}: a row image is missing for operation '{row.Operation}'");
}
