using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Listing;

/// <summary>
/// Opaque keyset page tokens: base64url (no padding) of the UTF-8 JSON array
/// <c>[1, "Post", "views_DESC,id_ASC", "&lt;filter hash&gt;", "&lt;cursor&gt;"]</c> — the format version, the
/// <see cref="ListFingerprint"/>, and the cursor of the last row returned as the SQL compiler writes it
/// (<see cref="CursorCodec"/>). The cursor holds sort key values, not an offset, so a token stays valid while rows are
/// inserted or deleted. Tokens are not signed: a forged cursor can only choose where a page starts, and access rules
/// apply as predicates whatever the position.
/// </summary>
public static class PageToken
{
    /// <summary>The version the first element of every token carries.</summary>
    public const int Version = 1;

    /// <summary>The protobuf name of the request field violations point at.</summary>
    public const string FieldName = "page_token";

    private const string NotAToken = "page_token is not a page token this server made; start again without page_token.";

    /// <summary>The fingerprint of a list of <paramref name="resource"/> sorted by <paramref name="sortKeys"/> (<see cref="SortKeys.Of"/>) and filtered by <paramref name="filter"/>.</summary>
    public static ListFingerprint Fingerprint(ResourceModel resource, IReadOnlyList<OrderBy> sortKeys, string filter)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(filter);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(filter));
        return new ListFingerprint(resource.Name, CursorCodec.OrderToken(sortKeys), Base64Url.EncodeToString(hash.AsSpan(0, 12)));
    }

    /// <summary>The token continuing after the row whose cursor (as the SQL compiler emits it) is <paramref name="cursor"/>.</summary>
    public static string Encode(ListFingerprint fingerprint, string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(Version);
            json.WriteStringValue(fingerprint.Resource);
            json.WriteStringValue(fingerprint.Order);
            json.WriteStringValue(fingerprint.Filter);
            json.WriteStringValue(cursor);
            json.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// The position <paramref name="token"/> continues after, for a request whose fingerprint is
    /// <paramref name="fingerprint"/> and sort keys <paramref name="sortKeys"/>; false with a violation when the token is
    /// malformed or was made for another resource, order or filter.
    /// </summary>
    public static bool TryDecode(string token, ListFingerprint fingerprint, IReadOnlyList<OrderBy> sortKeys, out Cursor? cursor, out FieldViolation? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(sortKeys);
        cursor = null;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        // TryDecodeFromChars throws on characters outside the alphabet, so check them first.
        if (!Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var length))
        {
            error = new FieldViolation(FieldName, NotAToken);
            return false;
        }

        string?[] parts;
        try
        {
            parts = Read(bytes.AsMemory(0, length));
        }
        catch (JsonException)
        {
            parts = [];
        }

        var message = parts.Length != 4 || parts.Contains(null) ? NotAToken
            : parts[0] != fingerprint.Resource ? $"page_token belongs to a list of {parts[0]}, not of {fingerprint.Resource}."
            : parts[1] != fingerprint.Order ? "page_token was made for another order_by; repeat the request with the order_by that returned it, or start again without page_token."
            : parts[2] != fingerprint.Filter ? "page_token was made for another filter; repeat the request with the filter that returned it, or start again without page_token."
            : CursorCodec.TryDecode(parts[3]!, sortKeys, out cursor, out var cursorError) ? null
            : $"page_token {cursorError}";
        error = message is null ? null : new FieldViolation(FieldName, message);
        return message is null;
    }

    /// <summary>The four strings after the version, or none when the payload is not a version-1 token.</summary>
    private static string?[] Read(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 5
            || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var version) || version != Version)
        {
            return [];
        }

        var parts = new string?[4];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = root[i + 1].ValueKind == JsonValueKind.String ? root[i + 1].GetString() : null;
        }

        return parts;
    }
}
