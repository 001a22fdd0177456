using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Listing;

/// <summary>
/// Parses the <c>order_by</c> of a List request (AIP-132): comma-separated protobuf field names, each optionally
/// followed by <c>asc</c> or <c>desc</c> (<c>"views desc, title"</c>). Scalar fields other than Json may be keys, the
/// system fields <c>id</c>, <c>create_time</c> and <c>update_time</c> included; each at most once.
/// </summary>
public static class OrderByParser
{
    /// <summary>The protobuf name of the request field violations point at.</summary>
    public const string FieldName = "order_by";

    /// <summary>The sort keys <paramref name="orderBy"/> asks for (empty when it is blank), or the violations.</summary>
    public static (IReadOnlyList<OrderBy> OrderBy, IReadOnlyList<FieldViolation> Errors) Parse(string orderBy, ResourceModel resource)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        ArgumentNullException.ThrowIfNull(resource);
        if (orderBy.Length > FilterParser.MaxLength)
        {
            return ([], [new FieldViolation(FieldName, $"order_by is {orderBy.Length} characters long; at most {FilterParser.MaxLength} are allowed.")]);
        }

        var keys = new List<OrderBy>();
        var errors = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return (keys, errors);
        }

        var table = ProtoFieldTable.For(resource);
        var start = 0;
        while (start <= orderBy.Length)
        {
            var comma = orderBy.IndexOf(',', start);
            var end = comma < 0 ? orderBy.Length : comma;
            if (ReadKey(orderBy, start, end, table, resource, keys, out var key))
            {
                keys.Add(key.Key!);
            }
            else
            {
                errors.Add(new FieldViolation(FieldName, key.Message!));
            }

            start = end + 1;
        }

        return errors.Count > 0 ? ([], errors) : (keys, errors);
    }

    /// <summary>Reads <c>name [asc|desc]</c> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static bool ReadKey(string text, int start, int end, ProtoFieldTable table, ResourceModel resource, List<OrderBy> keys,
        out (OrderBy? Key, string? Message) result)
    {
        var words = new List<(string Word, int Offset)>(2);
        for (var i = start; i < end;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add((text[wordStart..i], wordStart));
        }

        if (words.Count == 0)
        {
            result = (null, $"Offset {start}: expected a field name, found {(end == text.Length ? "the end of order_by" : "','")}.");
            return false;
        }

        if (words.Count >= 2 && words[1].Word is not ("asc" or "desc"))
        {
            result = (null, $"Offset {words[1].Offset}: expected asc, desc, ',' or the end of order_by after '{words[0].Word}', found '{words[1].Word}'.");
            return false;
        }

        if (words.Count > 2)
        {
            result = (null, $"Offset {words[2].Offset}: expected ',' or the end of order_by after '{words[0].Word} {words[1].Word}', found '{words[2].Word}'.");
            return false;
        }

        var (name, at) = words[0];
        var entry = table.Find(name);
        if (entry is not { Role: ProtoFieldRole.Scalar } || entry.Field.Scalar == ScalarKind.Json)
        {
            var why = entry switch
            {
                null => $"{resource.Name} has no field '{name}'.",
                { Role: not ProtoFieldRole.Scalar } => $"'{name}' is a relation; lists can only be ordered by scalar fields.",
                _ => $"'{name}' is Json, which has no order.",
            };
            result = (null, $"Offset {at}: {why}");
            return false;
        }

        if (keys.Exists(k => ReferenceEquals(k.Field, entry.Field)))
        {
            result = (null, $"Offset {at}: '{name}' appears more than once.");
            return false;
        }

        result = (new OrderBy(entry.Field, words.Count == 2 && words[1].Word == "desc"), null);
        return true;
    }
}
