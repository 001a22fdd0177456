using System.Text.Json;
using Engine.Metadata.Model;

namespace Engine.Query.Filters.RecordPredicates;

/// <summary>Ids and to-one foreign keys as PostgreSQL's uuid: ordered by their 16 bytes in the order they are written.</summary>
internal sealed class IdKind : ValueKindOf<Guid>
{
    public static readonly IdKind Instance = new();

    protected override Guid Read(JsonElement value, FieldModel field) =>
        value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id) ? id : throw Malformed(field, value, "a UUID");

    protected override Guid FromFilter(object value, FieldModel field) => value is string text ? Guid.Parse(text) : (Guid)value;

    protected override bool Same(Guid left, Guid right) => left == right;

    protected override int Order(Guid left, Guid right)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        left.TryWriteBytes(a, bigEndian: true, out _);
        right.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }
}
