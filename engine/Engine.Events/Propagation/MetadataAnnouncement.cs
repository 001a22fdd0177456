using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Engine.Events.Propagation;

/// <summary>The <c>engine.meta.changed</c> message (SPEC §5): <c>{"version": N}</c>, published after a metadata change commits.</summary>
public static class MetadataAnnouncement
{
    /// <summary>The core NATS subject metadata changes are announced on.</summary>
    public const string Subject = "engine.meta.changed";

    /// <summary>The message announcing <paramref name="version"/>.</summary>
    public static byte[] Encode(long version) =>
        Encoding.UTF8.GetBytes("{\"version\":" + version.ToString(CultureInfo.InvariantCulture) + "}");

    /// <summary>Reads the version from a message; false when it is not a JSON object with an integer <c>version</c>.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, out long version)
    {
        version = 0;
        try
        {
            var reader = new Utf8JsonReader(message);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out version) && version > 0;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            // Anyone may publish on the subject; a malformed message is ignored (the poll still finds new versions).
            return false;
        }
    }
}
