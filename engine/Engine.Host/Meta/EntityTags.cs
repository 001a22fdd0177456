using System.Globalization;

namespace Engine.Host.Meta;

/// <summary>Metadata versions as HTTP entity tags (<c>ETag: "13"</c>; <c>If-Match</c> accepts <c>"13"</c> or <c>13</c>).</summary>
internal static class EntityTags
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads <c>If-Match</c>; false when present but not a version (<c>*</c> means any version).</summary>
    public static bool TryParseIfMatch(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        header = header.Trim('"');
        if (long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }
}
