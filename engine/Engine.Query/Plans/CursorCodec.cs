using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Query.Plans;

/// <summary>
/// Reads the opaque cursors of connections and lists. A cursor is base64url (no padding) of the UTF-8 JSON array
/// <c>[1, "views_DESC,id_ASC", 42, "0190…"]</c>: the format version, the order it belongs to (<see cref="OrderToken"/>),
/// then one value per sort key. Values are JSON strings for Id, String, Enum, Date (<c>YYYY-MM-DD</c>), DateTime
/// (UTC, <c>YYYY-MM-DDTHH:MM:SS.ffffffZ</c>) and for Long, Decimal, Float and Json (PostgreSQL's exact text of the
/// value); numbers for Int; booleans for Boolean; null for NULL. The SQL compiler builds cursors in this form inside
/// the statement, so the database never needs a round trip through C# to page.
/// </summary>
public static class CursorCodec
{
    /// <summary>The version the first element of every cursor carries.</summary>
    public const int Version = 1;

    /// <summary>The order a cursor belongs to: the sort keys as order-by values, comma-separated (<c>views_DESC,id_ASC</c>).</summary>
    public static string OrderToken(IReadOnlyList<OrderBy> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var token = new StringBuilder();
        foreach (var key in keys)
        {
            if (token.Length > 0)
            {
                token.Append(',');
            }

            token.Append(GraphQLNames.OrderByValue(key.Field, key.Descending));
        }

        return token.ToString();
    }

    /// <summary>
    /// Decodes <paramref name="text"/> as a position in a list sorted by <paramref name="keys"/>; false with a message
    /// for the client when it is not a cursor, or is a cursor of another order.
    /// </summary>
    public static bool TryDecode(string text, IReadOnlyList<OrderBy> keys, out Cursor? cursor, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keys);
        cursor = null;
        // TryDecodeFromChars throws on characters outside the alphabet, so check them first.
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var length))
        {
            error = "is not a cursor this server made.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, length));
            return TryRead(document.RootElement, keys, out cursor, out error);
        }
        catch (JsonException)
        {
            error = "is not a cursor this server made.";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, IReadOnlyList<OrderBy> keys, out Cursor? cursor, out string? error)
    {
        cursor = null;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 2
            || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var version) || version != Version
            || root[1].ValueKind != JsonValueKind.String)
        {
            error = "is not a cursor this server made.";
            return false;
        }

        var token = OrderToken(keys);
        if (root[1].GetString() != token || root.GetArrayLength() != keys.Count + 2)
        {
            error = $"belongs to another order ({root[1].GetString()}); this list is ordered by {token}. Use a cursor from a page with the same orderBy.";
            return false;
        }

        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (!TryValue(root[i + 2], keys[i].Field, out values[i]))
            {
                error = $"does not hold a valid value for {keys[i].Field.Name}.";
                return false;
            }
        }

        cursor = new Cursor(values);
        error = null;
        return true;
    }

    private static bool TryValue(JsonElement json, FieldModel field, out object? value)
    {
        value = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            // The id is never null, so a null id is a forged cursor.
            return field.Scalar != ScalarKind.Id;
        }

        if (field.Scalar == ScalarKind.Int)
        {
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var number))
            {
                return false;
            }

            value = number;
            return true;
        }

        if (field.Scalar == ScalarKind.Boolean)
        {
            var ok = json.ValueKind is JsonValueKind.True or JsonValueKind.False;
            value = ok ? json.GetBoolean() : null;
            return ok;
        }

        if (json.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = json.GetString()!;
        value = field.Scalar switch
        {
            ScalarKind.Id => Guid.TryParse(text, out var id) ? id : null,
            ScalarKind.String or ScalarKind.Enum => text,
            ScalarKind.Long => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
            ScalarKind.Float => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            ScalarKind.Decimal => IsDecimalText(text) ? text : null,
            ScalarKind.DateTime => DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            ScalarKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            ScalarKind.Json => JsonText.IsValid(text) ? new JsonText(text) : null,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>PostgreSQL's text of a numeric: an optional minus, digits with an optional fraction, or NaN / Infinity.</summary>
    private static bool IsDecimalText(string text)
    {
        if (text is "NaN" or "Infinity" or "-Infinity")
        {
            return true;
        }

        var span = text.AsSpan();
        if (span.StartsWith("-"))
        {
            span = span[1..];
        }

        var dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        return whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9')
            && (dot < 0 || (fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9')));
    }
}
