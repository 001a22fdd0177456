using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>
/// Gives every field its protobuf number: a field keeps the number it had (matched by name); a new field gets one
/// more than the highest number the resource ever used, so a removed field's number is never given again.
/// Numbers 1..3 belong to <c>id</c>, <c>create_time</c>, <c>update_time</c>.
/// </summary>
internal static class FieldNumbering
{
    /// <summary>The first number a declared field can have.</summary>
    public const int FirstFieldNumber = 4;

    // Protobuf keeps 19000..19999 for itself.
    private const int FirstProtobufReserved = 19_000;
    private const int LastProtobufReserved = 19_999;

    /// <summary>
    /// Numbers <paramref name="definition"/> against its current version <paramref name="current"/> (null when new);
    /// <paramref name="everUsed"/> holds every number the resource ever used. Numbers the caller wrote are ignored:
    /// the store alone assigns them.
    /// </summary>
    public static NumberedDefinition Number(ResourceDefinition definition, ResourceDefinition? current, IReadOnlyCollection<FieldNumber> everUsed)
    {
        var kept = current?.Fields
            .Where(f => f.Number is not null)
            .ToDictionary(f => f.Name, f => f.Number!.Value, StringComparer.Ordinal)
            ?? [];
        var highest = Math.Max(
            FirstFieldNumber - 1,
            Math.Max(everUsed.Select(n => n.Number).DefaultIfEmpty(0).Max(), kept.Values.DefaultIfEmpty(0).Max()));

        var assigned = new List<FieldNumber>();
        var taken = new HashSet<int>();
        var fields = new List<FieldDefinition>(definition.Fields.Count);
        foreach (var field in definition.Fields)
        {
            // A duplicated field name (which validation rejects) must not share a number either.
            if (!kept.TryGetValue(field.Name, out var number) || !taken.Add(number))
            {
                number = highest = Next(highest);
                taken.Add(number);
                assigned.Add(new FieldNumber(number, field.Name));
            }

            fields.Add(field.Number == number ? field : field with { Number = number });
        }

        return new NumberedDefinition(definition with { Fields = fields }, assigned);
    }

    private static int Next(int highest) =>
        highest + 1 is >= FirstProtobufReserved and <= LastProtobufReserved ? LastProtobufReserved + 1 : highest + 1;
}
